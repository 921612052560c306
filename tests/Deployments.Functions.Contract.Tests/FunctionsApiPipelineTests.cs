using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deployments.Api.Auth;
using Deployments.Api.Hooks;
using Deployments.Api.Http.RateLimits;
using Deployments.Functions.Contract.Tests.Infrastructure;
using Deployments.Functions.Http;
using Deployments.Functions.Workflows;
using Deployments.Model;
using Deployments.Orchestrations;
using Deployments.Rules;
using Deployments.Service;
using Deployments.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Moq;
using TestSupport;
using FunctionDefinition = Deployments.Functions.Contract.Tests.Infrastructure.FunctionDefinition;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The Functions app's HTTP path without the Functions host: its own services (as its Program registers
/// them), the pipeline every HTTP function hands its request to, and each HTTP function invoked once as the
/// worker binds it, on real Azurite. Durable Functions' client is the one part played by a mock, since only
/// the host can bind a real one.
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
    public async Task Every_http_function_hands_its_request_to_the_api_with_the_durable_client_the_host_binds_from_its_metadata()
    {
        var http = FunctionDefinition.LoadAll(AppOutput.FunctionsScriptRoot).Where(f => f.TriggerType == "httpTrigger").ToList();
        // The host binds from functions.metadata and invokes the methods: a script root behind the code would hide a function.
        Assert.Equal(HttpFunctionNames().Order(StringComparer.Ordinal), http.Select(f => f.Name).Order(StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var function in http)
        {
            if (await InvokeOnceAsync(function) is { } failure)
            {
                failures.Add($"{function.Name}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {http.Count} HTTP functions failed:\n" + string.Join("\n", failures));
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

    /// <summary>A client that fails any call: the requests given it are not meant to reach Durable Functions.</summary>
    private static DurableTaskClient UnusedClient() => new Mock<DurableTaskClient>(MockBehavior.Strict, "bound").Object;

    private async Task<(int Status, JsonElement Body)> SendAsync(string method, string path, object? body = null, string? key = AdminKey, DurableTaskClient? client = null)
    {
        await using var scope = services.CreateAsyncScope();
        var context = NewContext(scope.ServiceProvider, method, path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body), key);
        using var response = (MemoryStream)context.Response.Body;
        await services.GetRequiredService<ApiPipeline>().RunAsync(context.Request, client ?? UnusedClient());
        var json = context.Response.ContentType?.Contains("json", StringComparison.Ordinal) == true;
        return (context.Response.StatusCode, json ? JsonDocument.Parse(response.ToArray()).RootElement.Clone() : default);
    }

    /// <summary>
    /// One request to the function, invoked as the worker invokes it: an instance made from the app's services, each
    /// parameter given what the metadata binds to its name, and nothing where the metadata binds nothing. Returns why
    /// it failed, or null. The body is an empty object, so no operation gets as far as the client: what is tested is
    /// that the function hands the API a bound client at all, which the API requires of every request.
    /// </summary>
    private async Task<string?> InvokeOnceAsync(FunctionDefinition function)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = typeof(ApiPipeline).Assembly.GetType(function.EntryPoint[..split], throwOnError: true)!;
        var method = type.GetMethod(function.EntryPoint[(split + 1)..])!;
        var verb = function.Methods[0];
        await using var scope = services.CreateAsyncScope();
        var context = NewContext(scope.ServiceProvider, verb, RequestPath(function), verb is "POST" or "PATCH" ? "{}"u8.ToArray() : null, AdminKey);
        using var response = context.Response.Body;
        var bindings = method.GetParameters().Select(parameter => function.BindingTypeByParameter.GetValueOrDefault(parameter.Name!)).ToList();
        if (bindings.FirstOrDefault(binding => binding is not (null or "httpTrigger" or "durableClient")) is { } unknown)
        {
            return $"binds {unknown}, which this test does not supply";
        }

        var arguments = bindings.Select(binding => binding switch
        {
            "httpTrigger" => context.Request,
            "durableClient" => (object)UnusedClient(),
            _ => null,
        }).ToArray();

        try
        {
            var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            var result = await (Task<IActionResult>)method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;
            return context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                ? $"{verb} {context.Request.Path} answered {context.Response.StatusCode} {Encoding.UTF8.GetString(((MemoryStream)response).ToArray())}"
                : result is EmptyResult ? null
                : $"returned {result.GetType().Name} rather than the API's response";
        }
        catch (Exception exception)
        {
            return $"{verb} {context.Request.Path} threw {exception.GetType().Name}: {exception.Message}";
        }
    }

    /// <summary>The function's route with a value in each parameter that the route's handler accepts in form.</summary>
    private static string RequestPath(FunctionDefinition function) =>
        Regex.Replace(function.FullRoute!, @"\{(?<name>\w+)[^}]*\}", match => match.Groups["name"].Value switch
        {
            "documentName" => "v1",
            "number" => "1",
            _ => Guid.NewGuid().ToString(),
        });

    private static IEnumerable<string> HttpFunctionNames() =>
        typeof(ApiPipeline).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);

    private static DefaultHttpContext NewContext(IServiceProvider requestServices, string method, string path, byte[]? jsonBody, string? key)
    {
        var context = new DefaultHttpContext { RequestServices = requestServices };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        if (jsonBody is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = jsonBody.Length;
            context.Request.Body = new MemoryStream(jsonBody);
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static ServiceProvider BuildServices(AzuriteFixture azurite)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = azurite.NewHubName("fx"),
            [AdminKeyStore.ConfigurationKey] = AdminKey,
            // Without a secret the webhooks answer 503 to everything, which would pass for a failure of the function.
            [HooksApi.SecretSetting] = "functions-pipeline-webhook-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMetrics();
        // The worker's host provides its environment; the OpenAPI document is named after the application in it.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            ApplicationName = typeof(ApiPipeline).Assembly.GetName().Name!,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppOutput.FunctionsScriptRoot,
        });
        services.AddFunctionsApp(configuration);
        // The recovery pass takes what it finds at once, rather than after the settle time a live request gets.
        services.Configure<DeploymentServiceOptions>(options => options.RecoverySettle = TimeSpan.Zero);
        return services.BuildServiceProvider();
    }
}
