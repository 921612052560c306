using Deployments.Functions.Hosting;

// The control plane: an ASP.NET Core app that is either an Azure Functions custom handler (the host
// forwards HTTP and delivers queue messages) or, run directly, a self-hosted service with its own
// durable workers. See README "Quick start".
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddFunctionsFiles(builder.Environment.ContentRootPath, args);
var storage = await builder.AddControlPlaneAsync();
var app = builder.Build();
app.MapControlPlane();
await app.StartAsync();
Console.WriteLine($"Control plane listening on {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();
if (storage is not null)
{
    await storage.DisposeAsync();
}

/// <summary>Visible to the tests, which start the app over a real socket.</summary>
public partial class Program;
