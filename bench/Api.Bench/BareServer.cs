using System.Text;

namespace Api.Bench;

/// <summary>
/// The comparison point: a bare ASP.NET Core endpoint set on the same machine answering the same shapes
/// of request with the same bytes the control plane returned, but doing no auth, storage or domain work.
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareServer(WebApplication app) => this.app = app;

    public Uri BaseAddress => new(app.Urls.Single());

    public static async Task<BareServer> StartAsync(byte[] deploymentJson, byte[] listJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/api/deployments/{id}", () => Results.Bytes(deploymentJson, "application/json"));
        app.MapGet("/api/deployments", () => Results.Bytes(listJson, "application/json"));
        app.MapPost("/api/deployments/{id}/pause", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            await reader.ReadToEndAsync();
            return Results.Bytes(deploymentJson, "application/json");
        });
        await app.StartAsync();
        return new BareServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
