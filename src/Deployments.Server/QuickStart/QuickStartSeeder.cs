using Deployments.Api.Auth;
using Deployments.Model;
using Deployments.Refusals;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;

namespace Deployments.Server.QuickStart;

/// <summary>
/// For the quick start (<c>QuickStart:Enabled</c>, set by the <c>dotnet run</c> launch profile): makes sure a
/// local cluster on the process driver and a sample app running src/SampleService exist, then prints the
/// commands that roll a canary out to it. Idempotent: found by name, created only when missing.
/// </summary>
internal sealed partial class QuickStartSeeder(
    AppCatalog apps, ClusterCatalog clusters, DeploymentService deployments, AdminKeyDisplay adminKey,
    IConfiguration configuration, IHostEnvironment environment, ILogger<QuickStartSeeder> logger) : BackgroundService
{
    public const string ClusterName = "local";
    public const string AppName = "sample";

    /// <summary>The sample's own traffic, so its metrics, and a canary analysis over them, have something to measure.</summary>
    public const string SampleLoadRps = "20";

    private static readonly TimeSpan FirstRevisionTimeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sample = SampleServiceLocator.Find(configuration);
        if (sample is null)
        {
            logger.LogWarning("Quick start: SampleService.dll was not found next to this build; build src/SampleService or set QuickStart:SampleServicePath.");
            return;
        }

        try
        {
            var cluster = (await clusters.ListClustersAsync(stoppingToken)).FirstOrDefault(c => c.Name == ClusterName)
                ?? await clusters.CreateClusterAsync(ClusterName, "local", ClusterKind.Dedicated, "process", null, stoppingToken);
            var app = await apps.FindAppAsync(Names.DefaultNamespace, AppName, stoppingToken)
                ?? await apps.CreateAppAsync(new CreateAppRequest(AppName, cluster.Id, new Dictionary<string, int> { ["web"] = 3 },
                    Revision: new RevisionSpec(new Artifact(null, "dotnet", [sample]), Environment: new Dictionary<string, EnvironmentValue>
                    {
                        ["VERSION"] = new("v1", null),
                        ["LOAD_RPS"] = new(SampleLoadRps, null),
                    })), stoppingToken);
            await RunFirstRevisionAsync(app, stoppingToken);
            Console.WriteLine(QuickStartGuide.Text(configuration, app, sample, adminKey.ShownKey));
            // A configured key is known at every start; a generated one only at the start that generated it.
            Console.WriteLine(await PrometheusQuickStartFiles.WriteAsync(PrometheusQuickStartFiles.Directory(configuration, environment),
                PrometheusQuickStartConfig.ControlPlaneUrl(configuration), adminKey.ShownKey ?? configuration[AdminKeyStore.ConfigurationKey], stoppingToken));
        }
        catch (CommandRefusedException raced)
        {
            // Another host seeded at the same moment; its objects serve just as well.
            LogRaced(logger, raced.Message);
        }
    }

    /// <summary>
    /// The canary the guide prints moves running v1 instances to v2, so v1 must be running first: a new app
    /// gets a rolling deployment of its first revision, and the guide waits for it (or for the one running).
    /// </summary>
    private async Task RunFirstRevisionAsync(App app, CancellationToken stoppingToken)
    {
        var (existing, _) = await deployments.ListAsync(new DeploymentQuery { AppId = app.Id, PageSize = 1 }, stoppingToken);
        var first = (existing.Count > 0 ? existing[0] : null)
            ?? await deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "quickstart", Reason: "Quick start: run the sample's first revision"), stoppingToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(FirstRevisionTimeout);
        while (!first.Status.IsTerminal())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
            first = await deployments.GetRequiredAsync(first.Id, deadline.Token);
        }

        if (first.Status != DeploymentStatus.Successful)
        {
            LogFirstRevision(logger, first.Status.ToString().ToLowerInvariant(), first.StatusDescription);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quick start: the sample's first revision ended {Status}: {Description}")]
    private static partial void LogFirstRevision(ILogger logger, string status, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quick start: {Reason}")]
    private static partial void LogRaced(ILogger logger, string reason);
}
