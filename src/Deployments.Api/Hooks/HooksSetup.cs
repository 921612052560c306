namespace Deployments.Api.Hooks;

internal static class HooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<WebhookDeployer>();
        return services;
    }
}
