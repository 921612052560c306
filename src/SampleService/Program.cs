using System.Net;
using Prometheus;
using SampleService;

// The thing the process driver runs: a deliberately small web app. The empty builder skips configuration files,
// logging providers and hosting extras, which is most of a default app's start-up time.
var settings = SampleSettings.From(args, Environment.GetEnvironmentVariable);

var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
builder.Services.AddRoutingCore();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(new WorkEndpoint(settings, Random.Shared));
builder.Services.AddHostedService<SelfLoad>();

var app = builder.Build();
var metrics = new SampleMetrics();

// Every answer names the allocation, so a prober can tell this instance from another that took over its port.
app.Use((context, next) =>
{
    context.Response.Headers["X-Allocation-Id"] = settings.AllocationId;
    return next(context);
});

// Only the work endpoint is measured: health probes and scrapes are the platform's traffic, not the app's.
app.UseWhen(context => context.Request.Path == "/", measured => measured.Use(metrics.MeasureAsync));

app.MapGet("/", (WorkEndpoint work, CancellationToken cancellationToken) => work.AnswerAsync(cancellationToken));
app.MapGet("/health", () => settings.FailHealth
    ? Results.Json(new { status = "unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable)
    : Results.Json(new { status = "healthy" }));
app.MapMetrics("/metrics", metrics.Registry);

await app.RunAsync();
