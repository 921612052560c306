using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Api.Bench;
using DevStorage;
using Deployments.Engine;
using Deployments.Server;
using StubPlatform;

// Load on the control plane's HTTP API: N concurrent clients reading and commanding deployments, and the
// same requests against a bare ASP.NET Core endpoint in the same run as the baseline.
//   dotnet run -c Release --project bench/Api.Bench [-- --quick]
var quick = args.Contains("--quick");
var clients = quick ? 8 : 32;
var duration = TimeSpan.FromSeconds(quick ? 5 : 20);
const int Deployments = 8;

Console.WriteLine("Starting Azurite, the stub platform and the control plane...");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
await using var stub = new StubPlatformServer(new StubPlatformOptions());
await stub.StartAsync();
var adminKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
string[] appArgs =
[
    "--urls", "http://127.0.0.1:0",
    $"--AzureWebJobsStorage={azurite.ConnectionString}",
    "--AzureFunctionsJobHost:extensions:durableTask:hubName=apibench",
    $"--Auth:AdminKey={adminKey}",
    "--Logging:LogLevel:Default=Warning",
    "--Logging:LogLevel:Microsoft.AspNetCore=Error",
];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = appArgs, ContentRootPath = AppContext.BaseDirectory, ApplicationName = "Deployments.Server" });
builder.Configuration.AddFunctionsFiles(AppContext.BaseDirectory, appArgs);
await builder.AddControlPlaneAsync();
await using var controlPlane = builder.Build();
controlPlane.MapControlPlane();
await controlPlane.StartAsync();

using var api = new HttpClient { BaseAddress = new Uri(controlPlane.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
api.DefaultRequestHeaders.Add("x-functions-key", adminKey);

// Seed: canaries waiting for promotion on a webhook cluster, so reads see live documents and pause/resume are real commands.
var cluster = await PostAsync(api, "/api/clusters", new { name = "edge", region = "local", kind = "dedicated", driver = "webhook", driver_settings = new { endpoint = stub.BaseUrl, secret = stub.Secret } });
var ids = new List<string>();
for (var i = 0; i < Deployments; i++)
{
    var app = await PostAsync(api, "/api/apps", new { name = $"shop{i}", cluster_id = cluster["id"]!.GetValue<string>(), groups = new { web = 3 }, revision = new { artifact = new { command = "shop", args = Array.Empty<string>() } } });
    var deployment = await PostAsync(api, "/api/deployments", new
    {
        app_id = app["id"]!.GetValue<string>(),
        strategy = "canary",
        options = new { steps = new object[] { new { instance_weight = 50 }, new { instance_weight = 100 } }, max_in_flight = 3, min_healthy_time = "0s" },
    });
    ids.Add(deployment["id"]!.GetValue<string>());
}

foreach (var id in ids)
{
    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
    while (!(await api.GetFromJsonAsync<JsonObject>($"/api/deployments/{id}", deadline.Token))!["status_description"]!.GetValue<string>().Contains("requires manual promotion", StringComparison.Ordinal))
    {
        await Task.Delay(200, deadline.Token);
    }
}

var sampleDocument = await api.GetByteArrayAsync($"/api/deployments/{ids[0]}");
var sampleList = await api.GetByteArrayAsync("/api/deployments?page_size=20");
await using var bare = await BareServer.StartAsync(sampleDocument, sampleList);
using var bareClient = new HttpClient { BaseAddress = bare.BaseAddress };

// Each client owns one deployment for its commands, so pause and resume alternate instead of colliding.
var paused = new bool[clients];
IReadOnlyList<Operation> Mix() =>
[
    new("GET /api/deployments/{id}", 70, (http, client) => http.GetAsync($"/api/deployments/{ids[client % ids.Count]}")),
    new("GET /api/deployments?page_size=20", 10, (http, _) => http.GetAsync("/api/deployments?page_size=20")),
    new("POST /api/deployments/{id}/pause", 20, (http, client) =>
    {
        paused[client] = !paused[client];
        return http.PostAsJsonAsync($"/api/deployments/{ids[client % ids.Count]}/pause", new { pause = paused[client] });
    }),
];

Console.WriteLine($"Load: {clients} clients for {duration.TotalSeconds:0} s each, against the bare endpoints then the control plane.");
await LoadRun.RunAsync(bareClient, Mix(), clients, TimeSpan.FromSeconds(2));
var baseline = await LoadRun.RunAsync(bareClient, Mix(), clients, duration);
Array.Clear(paused);
var storage = controlPlane.Services.GetRequiredService<StorageTransactionCounter>();
var storageBefore = storage.Total;
var measured = await LoadRun.RunAsync(api, Mix(), clients, duration);
var storageDuring = storage.Total - storageBefore;

Console.WriteLine();
Console.WriteLine("| request | control plane req/s | p50 ms | p99 ms | bare req/s | bare p99 ms | req/s ratio | p99 ratio | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (cp, raw) in measured.Zip(baseline))
{
    Console.WriteLine($"| {cp.Operation} | {cp.RequestsPerSecond:F0} | {cp.Latency.P50:F2} | {cp.Latency.P99:F2} | {raw.RequestsPerSecond:F0} | {raw.Latency.P99:F2} | {cp.RequestsPerSecond / raw.RequestsPerSecond:F3} | {cp.Latency.P99 / raw.Latency.P99:F1}x | {cp.Failures} |");
}

var all = measured.Sum(r => r.RequestsPerSecond);
var bareAll = baseline.Sum(r => r.RequestsPerSecond);
Console.WriteLine();
Console.WriteLine($"Total: {all:F0} req/s on the control plane, {bareAll:F0} req/s bare ({all / bareAll:F3}x); errors (5xx or unexpected 4xx): {measured.Sum(r => r.Failures)}.");
var requests = measured.Sum(r => r.Requests);
Console.WriteLine($"Storage: {storageDuring} transactions during the control-plane run, {storageDuring / (double)requests:F2} per request "
    + "(each request's own reads and writes, plus the engine's work on the rollouts the commands reach, and its queue polling).");
Console.WriteLine("Pause answers 409 when a concurrent client's command already moved the deployment; those count as answered, not errors.");
await controlPlane.StopAsync();
return measured.Sum(r => r.Failures) == 0 ? 0 : 1;

static async Task<JsonObject> PostAsync(HttpClient http, string path, object body)
{
    using var response = await http.PostAsJsonAsync(path, body);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode
        ? JsonNode.Parse(text)!.AsObject()
        : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
}
