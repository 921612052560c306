using Deployments.Functions.Contract.Tests.Infrastructure;
using Deployments.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using TestSupport;

namespace Deployments.Functions.Contract.Tests;

/// <summary>
/// The app as the Functions host sees it: every HTTP endpoint the app maps is reachable through some
/// function.json route (else the host would 404 it in Azure), and every function.json leads to an endpoint.
/// </summary>
public sealed class FunctionJsonCoverageTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlyList<FunctionDefinition> Functions = FunctionDefinition.LoadAll(AppOutput.Directory);

    [Fact]
    public async Task Every_http_endpoint_is_covered_by_a_function_and_every_function_reaches_an_endpoint()
    {
        await using var app = await BuildAsync();
        var endpoints = Endpoints(app).ToList();
        Assert.NotEmpty(endpoints);
        var http = Functions.Where(f => f.TriggerType == "httpTrigger").ToList();

        var uncovered = endpoints
            .SelectMany(e => MethodsOf(e).Select(m => (Pattern: e.RoutePattern.RawText!, Method: m)))
            .Where(e => !http.Any(f => f.Covers(e.Pattern, e.Method)))
            .Select(e => $"{e.Method} {e.Pattern}")
            .ToList();
        Assert.True(uncovered.Count == 0, "Endpoints without a function.json route: " + string.Join(", ", uncovered));

        var unused = http
            .Where(f => !endpoints.Any(e => MethodsOf(e).Any(m => f.Covers(e.RoutePattern.RawText!, m))))
            .Select(f => f.Name)
            .ToList();
        Assert.True(unused.Count == 0, "function.json routes with no endpoint behind them: " + string.Join(", ", unused));

        // The app checks keys itself; a function-level key would make the host demand its own keys first.
        Assert.All(http, f => Assert.Equal("anonymous", f.AuthLevel));
        Assert.All(http, f => Assert.True(f.HasHttpOutput, $"{f.Name} has no http output binding"));
    }

    /// <summary>The app as configured for the Functions host, built but not started.</summary>
    private async Task<WebApplication> BuildAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppOutput.Directory, EnvironmentName = "Production" });
        builder.Configuration.AddFunctionsFiles(AppOutput.Directory, []);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
        });
        await builder.AddControlPlaneAsync();
        var app = builder.Build();
        app.MapControlPlane();
        return app;
    }

    private static IEnumerable<RouteEndpoint> Endpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();

    /// <summary>An endpoint without method metadata (health checks) answers any method; GET is what callers use.</summary>
    private static IReadOnlyList<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : ["GET"];
}
