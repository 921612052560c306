using DevStorage;
using Deployments.Functions.Hosting;

namespace Deployments.Functions.QuickStart;

internal static class QuickStartSetup
{
    /// <summary>
    /// Only when asked (the launch profile asks), self-hosted, and on development storage: a quick start
    /// must never create objects in a real account or under the Functions host.
    /// </summary>
    public static IServiceCollection AddQuickStart(this IServiceCollection services, IConfiguration configuration, DevelopmentStorageLease? storage)
    {
        if (configuration.GetValue<bool>("QuickStart:Enabled") && !FunctionsSettings.UnderFunctionsHost
            && storage is not null && DevelopmentStorage.IsDevelopmentStorage(storage.ConnectionString))
        {
            services.AddHostedService<QuickStartSeeder>();
        }

        return services;
    }
}
