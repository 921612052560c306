using Azure.Identity;
using Deployments.Engine.Tests.Infrastructure;
using Deployments.Platform;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace Deployments.Engine.Tests;

/// <summary>Where the engine's settings and storage connection come from, and what it counts of its storage traffic.</summary>
public sealed class EngineSettingsTests(AzuriteFixture azurite)
{
    private const string Connection = "AzureWebJobsStorage";

    [Fact]
    public void HostJson_DurableTaskSettingsBindToTheEngine()
    {
        var directory = Directory.CreateTempSubdirectory("engine-hostjson-");
        try
        {
            var path = Path.Combine(directory.FullName, "host.json");
            File.WriteAllText(path, """
                {
                  "version": "2.0",
                  "extensions": {
                    "durableTask": {
                      "hubName": "HostJsonHub",
                      "storageProvider": {
                        "partitionCount": 3,
                        "maxQueuePollingInterval": "00:00:02",
                        "controlQueueBatchSize": 16
                      },
                      "extendedSessionsEnabled": true,
                      "maxConcurrentActivityFunctions": 7,
                      "maxConcurrentOrchestratorFunctions": 5
                    }
                  }
                }
                """);

            var settings = EngineSettings(new ConfigurationBuilder().AddFunctionsHostJson(path));

            Assert.Equal("HostJsonHub", settings.TaskHubName);
            Assert.Equal(3, settings.PartitionCount);
            Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxQueuePollingInterval);
            Assert.Equal(16, settings.ControlQueueBatchSize);
            Assert.True(settings.ExtendedSessionsEnabled);
            Assert.Equal(7, settings.MaxConcurrentTaskActivityWorkItems);
            Assert.Equal(5, settings.MaxConcurrentTaskOrchestrationWorkItems);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The figure the README states: after a crash, work resumes once the dead worker's leases and hidden messages run out.</summary>
    [Fact]
    public void ShippedSelfHostSettings_ResumeACrashedWorkersWorkWithinTwentySeconds()
    {
        var root = RepositoryRoot();
        var configuration = new ConfigurationBuilder()
            .AddFunctionsHostJson(Path.Combine(root, "host.json"))
            .AddJsonFile(Path.Combine(root, "src", "Deployments.Server", "appsettings.json"), optional: false);

        var settings = EngineSettings(configuration);

        var hidden = new[] { settings.ControlQueueVisibilityTimeout, settings.WorkItemQueueVisibilityTimeout, settings.LeaseInterval }.Max();
        Assert.True(hidden + settings.LeaseAcquireInterval <= TimeSpan.FromSeconds(20), $"resumes after {hidden + settings.LeaseAcquireInterval}");
        // The framework renews a running activity's message every 5 s; a shorter timeout would let it reappear mid-run.
        Assert.True(settings.WorkItemQueueVisibilityTimeout >= TimeSpan.FromSeconds(10));
        Assert.True(settings.LeaseRenewInterval * 3 <= settings.LeaseInterval);
    }

    [Fact]
    public void SelfHostSection_OverridesHostJson_KeyByKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new($"{DurableTaskEngineOptions.HostJsonSection}:hubName", "FromHostJson"),
            new($"{DurableTaskEngineOptions.HostJsonSection}:storageProvider:partitionCount", "3"),
            new($"{DurableTaskEngineOptions.HostJsonSection}:storageProvider:controlQueueVisibilityTimeout", "00:01:00"),
            new($"{DurableTaskEngineOptions.SelfHostSection}:storageProvider:controlQueueVisibilityTimeout", "00:00:12"),
            new($"{DurableTaskEngineOptions.SelfHostSection}:storageProvider:leaseInterval", "00:00:09"),
        ]);

        var settings = EngineSettings(configuration);

        Assert.Equal("FromHostJson", settings.TaskHubName);
        Assert.Equal(3, settings.PartitionCount);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(9), settings.LeaseInterval);
    }

    [Fact]
    public void HostJson_WhenTheFileIsMissing_LeavesTheDurableFunctionsDefaults()
    {
        var settings = EngineSettings(new ConfigurationBuilder().AddFunctionsHostJson(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "host.json")));

        var defaults = new DurableTaskEngineOptions();
        Assert.Equal(defaults.HubName, settings.TaskHubName);
        Assert.Equal(defaults.StorageProvider.PartitionCount, settings.PartitionCount);
        Assert.Equal(defaults.StorageProvider.MaxQueuePollingInterval, settings.MaxQueuePollingInterval);
        Assert.False(settings.ExtendedSessionsEnabled);
    }

    [Theory]
    [InlineData(Connection)]
    [InlineData("Values:" + Connection)]
    public void StorageConnection_ReadsAConnectionString(string key)
    {
        var connection = StorageConnection.FromConfiguration(Configuration((key, "UseDevelopmentStorage=true")), Connection);

        Assert.Equal(StorageConnection.FromConnectionString("UseDevelopmentStorage=true"), connection);
    }

    [Fact]
    public void StorageConnection_FromAnAccountNameVariable_UsesItsServiceUrisWithAnIdentity()
    {
        // The Functions host's form, AzureWebJobsStorage__accountName, read as environment variables are.
        var prefix = $"ENGINE_TESTS_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + Connection + "__accountName", "deployments");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var connection = StorageConnection.FromConfiguration(configuration, Connection);

            Assert.Null(connection.ConnectionString);
            Assert.Equal(
                (new Uri("https://deployments.table.core.windows.net"), new Uri("https://deployments.queue.core.windows.net"), new Uri("https://deployments.blob.core.windows.net")),
                (connection.TableUri, connection.QueueUri, connection.BlobUri));
            Assert.IsType<DefaultAzureCredential>(connection.Credential);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + Connection + "__accountName", null);
        }
    }

    [Fact]
    public void StorageConnection_WithExplicitServiceUris_UsesThemAndTheManagedIdentityNamed()
    {
        var configuration = Configuration(
            ($"{Connection}:tableServiceUri", "https://tables.example.net/"),
            ($"{Connection}:queueServiceUri", "https://queues.example.net/"),
            ($"{Connection}:blobServiceUri", "https://blobs.example.net/"),
            ($"{Connection}:credential", "managedidentity"),
            ($"{Connection}:clientId", "00000000-0000-0000-0000-000000000042"));

        var connection = StorageConnection.FromConfiguration(configuration, Connection);

        Assert.Equal(
            (new Uri("https://tables.example.net/"), new Uri("https://queues.example.net/"), new Uri("https://blobs.example.net/")),
            (connection.TableUri, connection.QueueUri, connection.BlobUri));
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://tables.example.net/")]
    public void StorageConnection_WhenNeitherFormIsComplete_ThrowsSayingWhatToSet(string? tableServiceUri)
    {
        var configuration = Configuration(($"{Connection}:tableServiceUri", tableServiceUri));

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(configuration, Connection));

        Assert.Contains("Storage connection 'AzureWebJobsStorage' is not configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("'AzureWebJobsStorage__accountName'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransactionCounter_CountsTheEnginesTableAndQueueRequests()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, azurite.NewHubName("counter"));

        var done = await engine.RunAsync(TestTasks.Greeting, "counted");

        await engine.StopAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var counter = engine.Services.GetRequiredService<StorageTransactionCounter>();
        Assert.True(counter.Tables > 0, "no table requests were counted");
        Assert.True(counter.Queues > 0, "no queue requests were counted");
        Assert.Equal(counter.Tables + counter.Queues + counter.Blobs, counter.Total);
    }

    private static DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings EngineSettings(IConfigurationBuilder configuration)
    {
        configuration.AddInMemoryCollection([new(Connection, "UseDevelopmentStorage=true")]);
        var built = configuration.Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddDurableTaskEngine(built, TestTasks.Register, EngineHost.Json, runWorker: false)
            .BuildServiceProvider();
        return services.GetRequiredService<TaskHubStorage>().Settings;
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Functions.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root (Functions.sln) is not above the test's output.");
        }

        return root.FullName;
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
