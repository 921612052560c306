using System.Text.Json;
using Deployments.Api.Auth;
using Deployments.Api.Http.RateLimits;
using Deployments.Functions.Contract.Tests.Infrastructure;
using Deployments.Functions.Http;
using Deployments.Functions.Workflows;
using Deployments.Model;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.Azure.Functions.Worker;
using Deployments.Orchestrations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The Functions app's HTTP path without the Functions host: its own services (as its Program registers
/// them) and the pipeline every HTTP function hands its request to, on real Azurite. Durable Functions'
/// client is the one part played by a mock, since only the host can bind a real one.
/// </summary>
public sealed class FunctionsApiPipelineTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private const string AdminKey = "functions-pipeline-admin-key-0123456789";

    private readonly ServiceProvider services = BuildServices(azurite);

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var (status, _) = await SendAsync("GET", "/api/health/live");

        Assert.Equal(StatusCodes.Status200OK, status);
    }

    [Fact]
    public async Task A_request_without_a_key_gets_the_401_problem_of_the_api()
    {
        var (status, body) = await SendAsync("GET", "/api/clusters", key: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_deployment_is_recorded_and_its_rollout_started_through_the_client_bound_to_the_invocation()
    {
        var app = await CreateSampleAppAsync("fx", "shop");
        var durable = SchedulingClient();

        var (status, deployment) = await SendAsync("POST", "/api/deployments", new { app_id = app, strategy = "rolling" }, client: durable.Object);

        Assert.True(status == StatusCodes.Status201Created, deployment.ToString());
        var id = deployment.GetProperty("id").GetGuid();
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(RolloutOrchestrator.Name), id, It.Is<StartOrchestrationOptions?>(o => o!.InstanceId!.Contains(id.ToString("N"), StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_recovery_timer_starts_a_deployment_recorded_but_never_started_through_the_client_bound_to_it()
    {
        var app = (await services.GetRequiredService<AppStore>().GetAsync(await CreateSampleAppAsync("fx-recovery", "orphaned"), CancellationToken.None))!;
        // As a worker that died between the two steps of a create leaves it: recorded, the app's active one, no orchestration.
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<AppStore>().UpdateAsync(app.Id, a => a with { ActiveDeploymentId = id }, CancellationToken.None);
        await services.GetRequiredService<DeploymentStore>().CreateAsync(new Deployment
        {
            Id = id, AppId = app.Id, Namespace = app.Namespace, ClusterId = app.ClusterId, Revision = 1, Strategy = Strategy.Rolling, Options = new DeploymentOptions(),
            CreatedBy = "alice", CreatedAt = now, UpdatedAt = now, InstanceId = DeploymentService.InstanceIdFor(id),
        }, "alice", "Deploy (the worker died before starting it)", CancellationToken.None);
        var durable = SchedulingClient();

        await ActivatorUtilities.CreateInstance<RecoveryFunction>(services).RunAsync(new TimerInfo(), durable.Object, CancellationToken.None);

        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(RolloutOrchestrator.Name), id, It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == DeploymentService.InstanceIdFor(id)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_cluster_naming_the_process_driver_is_refused_with_a_409_that_says_why()
    {
        var (status, problem) = await SendAsync("POST", "/api/clusters", new { name = "fx-local", region = "local", kind = "dedicated", driver = "process" });

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Contains(FunctionsAppServices.ProcessDriverRefusal, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, clusters) = await SendAsync("GET", "/api/clusters");
        Assert.DoesNotContain(clusters.GetProperty("clusters").EnumerateArray(), c => c.GetProperty("name").GetString() == "fx-local");
    }

    [Fact]
    public async Task An_app_or_deployment_on_a_process_cluster_made_by_a_self_host_is_refused_with_a_409_and_writes_nothing()
    {
        // A self-host sharing the task hub may have made a process cluster, and an app on it, before this host ran.
        var now = DateTimeOffset.UtcNow;
        var cluster = new Cluster(Guid.NewGuid(), "fx-shared-local", "local", ClusterKind.Dedicated, "process", new Dictionary<string, string>(), now);
        await services.GetRequiredService<CatalogStore>().CreateClusterAsync(cluster, CancellationToken.None);
        var existing = await services.GetRequiredService<AppStore>().CreateAsync(
            new App(Guid.NewGuid(), "made-elsewhere", "default", cluster.Id, null, new Dictionary<string, int> { ["web"] = 1 },
                new Dictionary<string, string>(), new Dictionary<string, string>(), null, null, null, 0, now, now),
            created => RevisionRules.Create(created.Id, 1, new RevisionSpec(new Artifact(null, "dotnet", [AppOutput.SampleService])), now), CancellationToken.None);
        var durable = SchedulingClient();

        var (appStatus, appProblem) = await SendAsync("POST", "/api/apps", new { name = "refused", cluster_id = cluster.Id, groups = new Dictionary<string, int> { ["web"] = 1 } });
        var (deployStatus, deployProblem) = await SendAsync("POST", "/api/deployments", new { app_id = existing.Id, strategy = "rolling" }, client: durable.Object);

        Assert.Equal((StatusCodes.Status409Conflict, StatusCodes.Status409Conflict), (appStatus, deployStatus));
        Assert.Contains("process driver", appProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("process driver", deployProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var app = await services.GetRequiredService<AppStore>().GetAsync(existing.Id, CancellationToken.None);
        Assert.Equal((null, 1), (app!.ActiveDeploymentId, app.CurrentRevision));
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public void Rate_limits_per_client_address_are_off_under_the_functions_host_unless_configured()
    {
        // The worker sees the host's address for every caller; see FunctionsAppServices.
        var limits = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        Assert.False(limits.FailedAuthentication.IsOn);
        Assert.False(limits.Webhooks.IsOn);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("RateLimits:Webhooks:PermitLimit", "50"), new("RateLimits:Webhooks:Window", "00:01:00")]).Build();
        using var configured = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddMetrics().AddFunctionsApp(configuration).BuildServiceProvider();
        Assert.Equal(50, configured.GetRequiredService<IOptions<RateLimitOptions>>().Value.Webhooks.PermitLimit);
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    /// <summary>A webhook cluster (the one driver the Functions host runs) and an app on it, made through the pipeline; returns the app's id.</summary>
    private async Task<Guid> CreateSampleAppAsync(string cluster, string app)
    {
        var (clusterStatus, createdCluster) = await SendAsync("POST", "/api/clusters", new
        {
            name = cluster,
            region = "local",
            kind = "dedicated",
            driver = "webhook",
            // Never called: the mocked durable client starts no rollout.
            driver_settings = new Dictionary<string, string> { ["endpoint"] = "http://127.0.0.1:9/platform", ["secret"] = "fx-platform-secret" },
        });
        Assert.True(clusterStatus == StatusCodes.Status201Created, createdCluster.ToString());
        var (appStatus, createdApp) = await SendAsync("POST", "/api/apps", new
        {
            name = app,
            cluster_id = createdCluster.GetProperty("id").GetGuid(),
            groups = new Dictionary<string, int> { ["web"] = 1 },
            revision = new { artifact = new { command = "dotnet", args = new[] { AppOutput.SampleService } } },
        });
        Assert.True(appStatus == StatusCodes.Status201Created, createdApp.ToString());
        return createdApp.GetProperty("id").GetGuid();
    }

    /// <summary>The Durable Functions client a host would bind, played by a mock that accepts every start under the id it is given.</summary>
    private static Mock<DurableTaskClient> SchedulingClient()
    {
        var durable = new Mock<DurableTaskClient>("bound") { CallBase = false };
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
        return durable;
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(string method, string path, object? body = null, string? key = AdminKey, DurableTaskClient? client = null)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        if (body is not null)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        await services.GetRequiredService<ApiPipeline>().RunAsync(context.Request, client);
        var json = context.Response.ContentType?.Contains("json", StringComparison.Ordinal) == true;
        return (context.Response.StatusCode, json ? JsonDocument.Parse(response.ToArray()).RootElement.Clone() : default);
    }

    private static ServiceProvider BuildServices(AzuriteFixture azurite)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = azurite.NewHubName("fx"),
            [AdminKeyStore.ConfigurationKey] = AdminKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMetrics();
        services.AddFunctionsApp(configuration);
        // The recovery pass takes what it finds at once, rather than after the settle time a live request gets.
        services.Configure<DeploymentServiceOptions>(options => options.RecoverySettle = TimeSpan.Zero);
        return services.BuildServiceProvider();
    }
}
