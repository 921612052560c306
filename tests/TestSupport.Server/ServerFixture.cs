namespace TestSupport.Server;

/// <summary>One control plane per test class: its tests share the server (and run one after another), classes run side by side.</summary>
public sealed class ServerFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private ControlPlaneServer? server;

    public ControlPlaneServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync() => server = await ControlPlaneServer.StartAsync(azurite.ConnectionString, azurite.NewHubName("api"));

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
