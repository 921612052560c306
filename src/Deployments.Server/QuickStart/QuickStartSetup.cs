using DevStorage;

namespace Deployments.Server.QuickStart;

internal static class QuickStartSetup
{
    /// <summary>
    /// Only when asked (the launch profile asks) and on development storage: a quick start must never
    /// create objects in a real account.
    /// </summary>
    public static IServiceCollection AddQuickStart(this IServiceCollection services, IConfiguration configuration, DevelopmentStorageLease? storage)
    {
        if (configuration.GetValue<bool>("QuickStart:Enabled")
            && storage is not null && DevelopmentStorage.IsDevelopmentStorage(storage.ConnectionString))
        {
            services.AddHostedService<QuickStartSeeder>();
        }

        return services;
    }
}
