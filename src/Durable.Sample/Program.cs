using DevStorage;
using Durable;
using Durable.Sample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// `dotnet run --project src/Durable.Sample` runs a release-train orchestration end to end, starting
// Azurite first when the storage setting is development storage and nothing listens.
// `--worker` runs only the worker until stopped (the crash tests run it as a child process).
var workerOnly = args.Contains("--worker");
var builder = Host.CreateApplicationBuilder(args.Where(a => a != "--worker").ToArray());
builder.Configuration.AddFunctionsHostJson(Path.Combine(AppContext.BaseDirectory, "host.json"));
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args.Where(a => a != "--worker").ToArray());
builder.Logging.SetMinimumLevel(workerOnly ? LogLevel.Warning : LogLevel.Information);

var connection = builder.Configuration["AzureWebJobsStorage"] ?? DevelopmentStorage.ShorthandConnectionString;
await using var storage = await DevelopmentStorage.EnsureRunningAsync(
    connection, Path.Combine(Directory.GetCurrentDirectory(), ".azurite"), null, CancellationToken.None);
builder.Configuration["AzureWebJobsStorage"] = storage.ConnectionString;
builder.Services.AddDurableTask(builder.Configuration, SampleTasks.Register);

using var host = builder.Build();
await host.StartAsync();
if (workerOnly)
{
    Console.WriteLine("worker ready");
    await host.WaitForShutdownAsync();
    return 0;
}

var client = host.Services.GetRequiredService<DurableTaskClient>();
Console.WriteLine($"Task hub '{client.HubName}' on {(storage.OwnsEmulator ? "Azurite started for this run" : "the configured storage")}");
var instanceId = await client.ScheduleNewOrchestrationInstanceAsync("ReleaseTrain", new ReleaseRequest("checkout", "1.4.2", TestSuites: 8));
Console.WriteLine($"Started ReleaseTrain instance {instanceId}");

string? lastStatus = null;
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
while (true)
{
    var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    var status = $"{instance?.RuntimeStatus} {instance?.SerializedCustomStatus}";
    if (status != lastStatus)
    {
        Console.WriteLine($"  {status}");
        lastStatus = status;
    }

    if (instance?.SerializedCustomStatus == "\"awaiting approval\"")
    {
        await client.RaiseEventAsync(instanceId, "approval", true, deadline.Token);
    }

    if (instance is { IsCompleted: true })
    {
        Console.WriteLine($"Finished {instance.RuntimeStatus}: {instance.SerializedOutput}");
        var history = await client.GetOrchestrationHistoryAsync(instanceId, deadline.Token);
        Console.WriteLine($"History: {history.Count} events; storage transactions: {host.Services.GetRequiredService<Durable.Storage.StorageTransactionCounter>().Total}");
        await host.StopAsync();
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
    }

    await Task.Delay(100, deadline.Token);
}
