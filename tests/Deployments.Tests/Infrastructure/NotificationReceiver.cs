using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Deployments.Drivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Deployments.Tests.Infrastructure;

/// <summary>One POST that reached the subscriber, what it answered, and whether its signature held.</summary>
internal sealed record ReceivedNotification(int Answered, string? ContentType, bool SignatureValid, JsonElement Event)
{
    public string Id => Event.GetProperty("id").GetString()!;

    public string Type => Event.GetProperty("type").GetString()!;

    public string Subject => Event.GetProperty("subject").GetString()!;
}

/// <summary>
/// A notification subscriber on 127.0.0.1 with a port of the OS's choosing: records every POST, verifies its
/// signature with the subscription's secret, and answers 500 to the first <c>failFirst</c> requests.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedNotification> received = new();
    private readonly WebApplication app;
    private readonly string secret;
    private int failuresLeft;

    private NotificationReceiver(WebApplication app, string secret, int failFirst)
    {
        this.app = app;
        this.secret = secret;
        failuresLeft = failFirst;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedNotification> Received => [.. received];

    /// <summary>The notifications answered 2xx, about one deployment.</summary>
    public IReadOnlyList<ReceivedNotification> AcceptedFor(Guid deploymentId) =>
        [.. received.Where(r => r.Answered == StatusCodes.Status200OK && r.Subject == deploymentId.ToString("N"))];

    public static async Task<NotificationReceiver> StartAsync(string secret, int failFirst = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new NotificationReceiver(builder.Build(), secret, failFirst);
        receiver.app.Run(receiver.ReceiveAsync);
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hooks/deployments");
        return receiver;
    }

    /// <summary>A URL on which nothing listens: connections to it are refused.</summary>
    public static Uri DeadUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/hooks/deployments");
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var valid = WebhookSignature.Verify(secret, context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), body,
            context.Request.Headers[WebhookSignature.SignatureHeader].ToString(), WebhookSignature.DefaultTolerance, DateTimeOffset.UtcNow);
        var answer = Interlocked.Decrement(ref failuresLeft) >= 0 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        using var parsed = JsonDocument.Parse(body);
        received.Enqueue(new ReceivedNotification(answer, context.Request.ContentType, valid, parsed.RootElement.Clone()));
        context.Response.StatusCode = answer;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
