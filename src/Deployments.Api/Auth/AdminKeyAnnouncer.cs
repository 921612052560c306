
namespace Deployments.Api.Auth;

/// <summary>
/// Makes sure an admin key exists before requests arrive and, in self-hosted mode, prints a newly generated
/// one once, so the quick start can show it. <c>Auth:RotateAdminKey=true</c> replaces the stored key with a
/// new one and prints that. Under the Functions host nobody reads standard output, so a key must be
/// configured there (infra sets <c>Auth__AdminKey</c>); a generated one is only reported as generated.
/// </summary>
internal sealed class AdminKeyAnnouncer(AdminKeyStore store, IConfiguration configuration, AdminKeyDisplay display, ILogger<AdminKeyAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rotate = configuration.GetValue<bool>("Auth:RotateAdminKey");
        var generated = await store.EnsureAsync(rotate, cancellationToken);
        if (store.IsConfigured)
        {
            logger.LogInformation("Admin key: from configuration (" + AdminKeyStore.ConfigurationKey + ").");
        }
        else if (generated is null)
        {
            logger.LogInformation("Admin key: the one generated at first start (stored hashed; run with --Auth:RotateAdminKey=true for a new one).");
        }
        else if (!display.ShowGeneratedKey)
        {
            logger.LogWarning("Admin key: none configured, so one was generated and stored hashed; set " + AdminKeyStore.ConfigurationKey + " to use the admin API.");
        }
        else
        {
            // Deliberately standard output, not a logger: log sinks keep what they receive, and this is shown once.
            Console.WriteLine($"Admin key (shown once, stored hashed; send it as x-functions-key): {generated}");
            display.ShownKey = generated;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
