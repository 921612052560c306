using System.Text.Json;
using Deployments.Functions.Contract.Tests.Infrastructure;
using Deployments.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The Functions app as the Functions host would load it, checked without the host: its build output is a
/// complete script root, and its HTTP functions serve exactly the routes the self-host serves.
/// </summary>
public sealed class FunctionsAppTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlyList<FunctionDefinition> Functions = FunctionDefinition.LoadAll(AppOutput.FunctionsScriptRoot);

    /// <summary>The paths the Functions host serves itself, whatever the route prefix.</summary>
    private static readonly string[] HostReservedPrefixes = ["/admin", "/runtime"];

    [Fact]
    public async Task Http_functions_and_self_host_endpoints_are_the_same_routes_both_ways()
    {
        await using var app = await BuildSelfHostAsync();
        // The operator API is the self-host's copy of what the Functions host serves itself at the same paths.
        var selfHost = RouteTable(Endpoints(app)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/runtime/", StringComparison.Ordinal))
            .SelectMany(e => MethodsOf(e).Select(m => (m, e.RoutePattern.RawText!))));
        var functions = RouteTable(Functions.Where(f => f.TriggerType == "httpTrigger").SelectMany(f => f.Methods.Select(m => (m, f.FullRoute!))));
        // The one known difference: the self-host also serves the dashboard page at its root, which under the
        // Functions host belongs to the host (its own home page).
        Assert.True(selfHost.Remove("GET /"), "The self-host serves no dashboard at its root.");
        Assert.Contains("GET /api/dashboard", functions);

        Assert.NotEmpty(selfHost);
        Assert.True(functions.Except(selfHost).ToList() is [], "Functions without a self-host endpoint: " + string.Join(", ", functions.Except(selfHost)));
        Assert.True(selfHost.Except(functions).ToList() is [], "Self-host endpoints without a function: " + string.Join(", ", selfHost.Except(functions)));
    }

    [Fact]
    public void The_host_route_prefix_is_off_and_every_function_spells_its_own_path_outside_what_the_host_reserves()
    {
        // The seed APIs live at root paths (/v1/…, /v3/…, /deployments/…), so the host must add no prefix of its own.
        Assert.Equal(string.Empty, FunctionDefinition.RoutePrefixOf(AppOutput.FunctionsScriptRoot));
        var routes = Functions.Where(f => f.TriggerType == "httpTrigger").Select(f => f.FullRoute!).ToList();

        Assert.NotEmpty(routes);
        // The host keeps its home page at the root, its management API under /admin and extension webhooks under /runtime.
        var reserved = routes.Where(r => r.TrimEnd('/').Length == 0
            || HostReservedPrefixes.Any(p => r.Equals(p, StringComparison.OrdinalIgnoreCase) || r.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(reserved is [], "Function routes the host reserves: " + string.Join(", ", reserved));
        // Our own API spells its prefix itself, so its paths are what they were under the host's default prefix.
        Assert.Contains("/api/deployments", routes);
    }

    [Fact]
    public async Task Every_operation_outside_api_names_its_capability_because_the_route_rule_only_reads_api_paths()
    {
        await using var app = await BuildSelfHostAsync();
        // The seed APIs' paths mean nothing to EndpointCapabilities' route rule, which would fall back to admin:
        // each seed operation must say what it needs (read or submit), or be one of the open ones.
        var unnamed = Endpoints(app)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null
                && !e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText!.StartsWith("/runtime/", StringComparison.Ordinal)
                && e.RoutePattern.RawText != "/"
                && e.Metadata.GetMetadata<Deployments.Api.Auth.CapabilityMetadata>() is null
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(unnamed is [], "Operations without a capability of their own: " + string.Join(", ", unnamed));
        Assert.Contains(Endpoints(app), e => e.RoutePattern.RawText!.StartsWith("/v3/pipelines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_documented_operation_is_named_as_its_function_so_openapi_operation_ids_are_the_function_names()
    {
        await using var app = await BuildSelfHostAsync();
        var functionNames = Functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => (Key: RouteTable([(m, f.FullRoute!)]).Single(), f.Name)))
            .ToDictionary(f => f.Key, f => f.Name);
        // The operator API is the Functions host's own; the self-host only copies it.
        var documented = Endpoints(app).Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null
            && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true
            && !e.RoutePattern.RawText!.StartsWith("/runtime/", StringComparison.Ordinal));

        var wrong = documented.SelectMany(e => MethodsOf(e).Select(m => (Key: RouteTable([(m, e.RoutePattern.RawText!)]).Single(), Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)))
            .Where(e => !functionNames.TryGetValue(e.Key, out var function) || function != e.Name)
            .Select(e => $"{e.Key}: named {e.Name ?? "nothing"}, function {functionNames.GetValueOrDefault(e.Key) ?? "none"}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_http_function_is_anonymous_to_the_host_because_the_api_checks_keys_itself()
    {
        var http = Functions.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.All(http, f => Assert.Equal("Anonymous", f.AuthLevel, ignoreCase: true));
        Assert.All(http, f => Assert.Contains("http", f.BindingTypes));
        Assert.Equal(http.Count, http.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void The_functions_build_ships_no_self_host_engine()
    {
        // The host runs Durable Functions' own engine; the self-host's (and its Azure Storage provider) stays out of the worker.
        var shipped = Directory.GetFiles(AppOutput.FunctionsScriptRoot, "*.dll").Select(Path.GetFileName).ToList();

        Assert.Contains("Deployments.dll", shipped);
        Assert.DoesNotContain("Deployments.Engine.dll", shipped);
        Assert.DoesNotContain("DurableTask.AzureStorage.dll", shipped);
    }

    [Fact]
    public void Every_orchestrator_and_activity_of_the_self_host_is_a_function_and_activities_bind_a_durable_client()
    {
        Assert.Equal(DeploymentTasks.Orchestrators.Keys.Order(), Functions.Where(f => f.TriggerType == "orchestrationTrigger").Select(f => f.Name).Order());
        var activities = Functions.Where(f => f.TriggerType == "activityTrigger").ToList();
        Assert.Equal(DeploymentTasks.Activities.Keys.Order(), activities.Select(f => f.Name).Order());
        Assert.All(activities, f => Assert.Contains("durableClient", f.BindingTypes));
    }

    [Fact]
    public void Every_http_function_binds_a_durable_client_whatever_its_operation_does_today()
    {
        var http = Functions.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        var unbound = http.Where(f => !f.BindingTypes.Contains("durableClient")).Select(f => f.Name).ToList();
        Assert.True(unbound.Count == 0, "HTTP functions without a [DurableClient]: " + string.Join(", ", unbound));
    }

    [Fact]
    public void The_recovery_pass_is_a_timer_function_once_a_minute_that_binds_a_durable_client()
    {
        var recovery = Assert.Single(Functions, f => f.TriggerType == "timerTrigger");

        Assert.Equal("RecoverDeployments", recovery.Name);
        Assert.Equal("0 * * * * *", recovery.Schedule);
        Assert.Contains("durableClient", recovery.BindingTypes);
    }

    [Fact]
    public void The_build_output_is_a_complete_isolated_worker_script_root_with_the_durable_task_extension()
    {
        var root = AppOutput.FunctionsScriptRoot;

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(root), "host.json")), File.ReadAllText(Path.Combine(root, "host.json")));
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(root, description.GetProperty("defaultWorkerPath").GetString()!)));

        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "extensions.json")));
        var durable = extensions.RootElement.GetProperty("extensions").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "DurableTask");
        var hintPath = durable.GetProperty("hintPath").GetString()!;
        Assert.StartsWith("./.azurefunctions/", hintPath, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, hintPath)), hintPath);
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.DurableTask", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The self-host as it runs, built but not started.</summary>
    private async Task<WebApplication> BuildSelfHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppOutput.Directory, EnvironmentName = "Production" });
        builder.Configuration.AddFunctionsFiles(AppOutput.Directory, []);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        await builder.AddControlPlaneAsync();
        var app = builder.Build();
        app.MapControlPlane();
        return app;
    }

    /// <summary>Method and route, with parameter names, constraints and a trailing slash left out: what decides where a request goes.</summary>
    private static HashSet<string> RouteTable(IEnumerable<(string Method, string Route)> routes) =>
        [.. routes.Select(r => $"{r.Method.ToUpperInvariant()} {Normalize(r.Route)}")];

    private static string Normalize(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/').ToLowerInvariant(), @"\{(\*\*?)?[^}:?]*[^}]*\}", m => m.Groups[1].Success ? "{*}" : "{}") is { Length: > 0 } path ? path : "/";

    private static IEnumerable<RouteEndpoint> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();

    /// <summary>An endpoint without method metadata (health checks) answers any method; GET is what callers use.</summary>
    private static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : ["GET"];

    private static string RepositoryRoot(string from)
    {
        var directory = new DirectoryInfo(from);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No Functions.sln above {from}.");
    }
}
