using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Bench;

/// <summary>
/// A JSON endpoint on 127.0.0.1 that the analysis scenario's web metric reads: it always answers a good value, so
/// every analysis run succeeds, and it counts its reads, so the report can check one read per measurement.
/// </summary>
internal sealed class MetricEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private int reads;

    private MetricEndpoint(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int Reads => Volatile.Read(ref reads);

    public static async Task<MetricEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var endpoint = new MetricEndpoint(builder.Build());
        endpoint.app.Run(endpoint.AnswerAsync);
        await endpoint.app.StartAsync();
        var address = endpoint.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address.TrimEnd('/') + "/metrics/error-rate");
        return endpoint;
    }

    private Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref reads);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"value\": 0.01}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
