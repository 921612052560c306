using System.Net;
using SampleService;

// The thing the process driver runs: a deliberately small web app. The empty builder skips configuration files,
// logging providers and hosting extras, which is most of a default app's start-up time.
var settings = SampleSettings.From(args, Environment.GetEnvironmentVariable);

var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
builder.Services.AddRoutingCore();

var app = builder.Build();

// Every answer names the allocation, so a prober can tell this instance from another that took over its port.
app.Use((context, next) =>
{
    context.Response.Headers["X-Allocation-Id"] = settings.AllocationId;
    return next(context);
});

app.MapGet("/", () => Results.Json(new { version = settings.Version, allocation_id = settings.AllocationId }));
app.MapGet("/health", () => settings.FailHealth
    ? Results.Json(new { status = "unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable)
    : Results.Json(new { status = "healthy" }));

await app.RunAsync();
