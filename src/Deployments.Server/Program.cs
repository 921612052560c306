using Deployments.Server;

// The control plane self-hosted: the API in ASP.NET Core and the Durable Task worker in-process, on the
// same orchestrations, activities and handlers as the Functions app. See README "Quick start".
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddFunctionsFiles(AppContext.BaseDirectory, args);
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
