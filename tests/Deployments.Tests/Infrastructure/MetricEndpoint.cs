using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Tests.Infrastructure;

/// <summary>
/// A JSON endpoint on 127.0.0.1 that a web metric reads: it answers <c>{"value": V}</c> with the value the test sets,
/// or a 503 while the test says it is down. It counts the reads, so a test can tell how often it was measured.
/// </summary>
internal sealed class MetricEndpoint : IAsyncDisposable
{
    private readonly WebApplication app;
    private double value;
    private int reads;
    private volatile bool down;

    private MetricEndpoint(WebApplication app, double value)
    {
        this.app = app;
        this.value = value;
    }

    public Uri Url { get; private set; } = null!;

    public int Reads => Volatile.Read(ref reads);

    public double Value
    {
        get => Volatile.Read(ref value);
        set => Volatile.Write(ref this.value, value);
    }

    public bool Down
    {
        get => down;
        set => down = value;
    }

    public static async Task<MetricEndpoint> StartAsync(double value)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var endpoint = new MetricEndpoint(builder.Build(), value);
        endpoint.app.Run(endpoint.AnswerAsync);
        await endpoint.app.StartAsync();
        var address = endpoint.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address.TrimEnd('/') + "/metrics/error-rate");
        return endpoint;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref reads);
        if (down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"value\": {Value.ToString("R", CultureInfo.InvariantCulture)}}}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
