using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StubPlatform;

/// <summary>
/// An in-process external platform for the webhook driver: Kestrel on 127.0.0.1 with a port of the OS's choosing,
/// allocations in memory. Built to take hundreds of concurrent rollouts: no logging, no locks on the request path.
/// </summary>
public sealed class StubPlatformServer : IAsyncDisposable
{
    private readonly StubPlatformState _state;
    private WebApplication? _app;

    public StubPlatformServer(StubPlatformOptions? options = null) => _state = new StubPlatformState(options ?? new StubPlatformOptions());

    /// <summary>The endpoint a cluster's <c>endpoint</c> setting should hold, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _app is null ? throw new InvalidOperationException("The stub platform has not been started.") : _state.BaseUrl;

    public string Secret => _state.Options.Secret;

    public StubCounters Counters => _state.Counters;

    public IReadOnlyCollection<StubAllocation> Allocations => [.. _state.Allocations.Values];

    /// <summary>The X-Request-Id of every request received, in arrival order (repeats of a retried call included).</summary>
    public IReadOnlyList<string> ReceivedRequestIds => [.. _state.RequestIds];

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The stub platform is already started.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.Use((context, next) => SignatureGate.InvokeAsync(context, _state, next));
        AllocationEndpoints.Map(app, _state);
        await app.StartAsync(ct);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _state.BaseUrl = addresses.Single().TrimEnd('/');
        _app = app;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/> before looking at them.</summary>
    public void FailNextRequests(int count, int statusCode = 503) => _state.Failures.FailNext(count, statusCode);

    /// <summary>Forces an allocation's health (true/false), or with null lets it follow its own rules again.</summary>
    public void SetHealth(string allocationId, bool? healthy)
    {
        if (healthy is { } value)
        {
            _state.HealthOverrides[allocationId] = value;
        }
        else
        {
            _state.HealthOverrides.TryRemove(allocationId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
