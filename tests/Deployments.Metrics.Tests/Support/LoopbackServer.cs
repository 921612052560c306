using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Deployments.Metrics.Tests.Support;

/// <summary>A real Kestrel on 127.0.0.1 with a port the OS picked, serving the endpoints a test maps.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app)
    {
        this.app = app;
        BaseAddress = new Uri(app.Urls.Single());
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>An absolute URL on this server.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
