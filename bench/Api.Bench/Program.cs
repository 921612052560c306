using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Api.Bench;
using DevStorage;
using Deployments.Platform;
using Deployments.Server;
using StubPlatform;

// Load on the control plane's HTTP API: N concurrent clients reading and commanding deployments, and the
// same requests in the same run against a bare Kestrel baseline that does the same storage work (BareServer).
//   dotnet run -c Release --project bench/Api.Bench [-- --quick]
var quick = args.Contains("--quick");
var clients = quick ? 8 : 32;
var duration = TimeSpan.FromSeconds(quick ? 5 : 20);
const int Deployments = 8;
const string Hub = "apibench";

Console.WriteLine("Starting Azurite, the stub platform and the control plane...");
await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
await using var stub = new StubPlatformServer(new StubPlatformOptions());
await stub.StartAsync();
var adminKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
string[] appArgs =
[
    "--urls", "http://127.0.0.1:0",
    $"--AzureWebJobsStorage={azurite.ConnectionString}",
    $"--AzureFunctionsJobHost:extensions:durableTask:hubName={Hub}",
    $"--Auth:AdminKey={adminKey}",
    "--SelfHost:Metrics:Url=off",
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

await using var bare = await BareServer.StartAsync(azurite.ConnectionString, Hub, ids);
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
var bareBefore = bare.Counters.ToDictionary(c => c.Key, c => c.Value.Total);
var baseline = await LoadRun.RunAsync(bareClient, Mix(), clients, duration);
var bareTransactions = baseline.ToDictionary(r => r.Operation, r => (bare.Counters[r.Operation].Total - bareBefore[r.Operation]) / (double)r.Requests);
Array.Clear(paused);
var storage = controlPlane.Services.GetRequiredService<StorageTransactionCounter>();
var storageBefore = storage.Total;
var measured = await LoadRun.RunAsync(api, Mix(), clients, duration);
var storageDuring = storage.Total - storageBefore;

// The mixed load cannot say which request made which storage call on the control plane (its engine shares the
// counter), so each kind is also sent alone, one at a time, and the counter read around it.
const int ProbeRequests = 20;
paused[0] = (await api.GetFromJsonAsync<JsonObject>($"/api/deployments/{ids[0]}"))!["status"]!.GetValue<string>() == "paused";
var apiTransactions = new Dictionary<string, double>();
foreach (var operation in Mix())
{
    var before = storage.Total;
    for (var i = 0; i < ProbeRequests; i++)
    {
        using var response = await operation.Send(api, 0);
    }

    apiTransactions[operation.Name] = (storage.Total - before) / (double)ProbeRequests;
}

Console.WriteLine();
Console.WriteLine("| request | API req/s | API p50 ms | API p99 ms | baseline req/s | baseline p50 ms | baseline p99 ms | req/s ratio | p50 ratio | p99 ratio | storage tx/req API | storage tx/req baseline | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (cp, raw) in measured.Zip(baseline))
{
    Console.WriteLine($"| {cp.Operation} | {cp.RequestsPerSecond:F0} | {cp.Latency.P50:F2} | {cp.Latency.P99:F2} | {raw.RequestsPerSecond:F0} | {raw.Latency.P50:F2} | {raw.Latency.P99:F2} "
        + $"| {cp.RequestsPerSecond / raw.RequestsPerSecond:F2}x | {cp.Latency.P50 / raw.Latency.P50:F2}x | {cp.Latency.P99 / raw.Latency.P99:F2}x "
        + $"| {apiTransactions[cp.Operation]:F2} | {bareTransactions[raw.Operation]:F2} | {cp.Failures} |");
}

var all = measured.Sum(r => r.RequestsPerSecond);
var bareAll = baseline.Sum(r => r.RequestsPerSecond);
var bareStorage = baseline.Sum(r => bareTransactions[r.Operation] * r.Requests) / baseline.Sum(r => r.Requests);
Console.WriteLine();
Console.WriteLine($"Total: {all:F0} req/s on the API, {bareAll:F0} req/s on the baseline ({all / bareAll:F2}x); errors (5xx or unexpected 4xx): {measured.Sum(r => r.Failures)} API, {baseline.Sum(r => r.Failures)} baseline.");
Console.WriteLine($"Storage under the mixed load: {storageDuring / (double)measured.Sum(r => r.Requests):F2} transactions per API request "
    + $"(its own, plus the engine's work on the rollouts the commands reach and its queue polling), {bareStorage:F2} per baseline request.");
Console.WriteLine($"Storage tx/req API: each kind alone, {ProbeRequests} requests one at a time (includes the engine's polling meanwhile); baseline: counted per route under the load.");
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
