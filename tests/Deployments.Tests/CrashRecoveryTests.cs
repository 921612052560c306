using System.Diagnostics;
using Deployments.Drivers;
using Deployments.Metrics;
using Deployments.Model;
using Deployments.Service;
using Deployments.Tests.Infrastructure;
using DevStorage;
using Microsoft.Extensions.DependencyInjection;
using StubPlatform;
using TestSupport;

namespace Deployments.Tests;

public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    /// <summary>The metric the analysis reads from the test's <see cref="MetricEndpoint"/>.</summary>
    private const string MetricName = "error-rate";

    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(3);

    /// <param name="instancesDieWithHost">
    /// False: the host alone dies and its instances keep running, so the fresh host must re-attach them.
    /// True: the whole machine's process tree dies, so the fresh host must find them lost and replace them.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HostKilledDuringCanaryStep_FreshHostFinishesWithoutLeakedOrDoubledAllocations(bool instancesDieWithHost)
    {
        var hub = azurite.NewHubName("crash");
        var stateDirectory = Directory.CreateTempSubdirectory("deployments-crash-").FullName;
        await using var client = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, hub, stateDirectory, runWorker: false);
        var app = await client.CreateSampleAppAsync(await client.CreateLocalClusterAsync(), instances: 3);

        Guid canaryId;
        using (var worker = StartWorkerProcess(azurite.ConnectionString, hub))
        {
            var first = await client.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
            Assert.Equal(DeploymentStatus.Successful, (await client.WaitForEndAsync(first.Id)).Status);

            var options = DeploymentsTestHost.FastOptions(new CanaryStep(34, TimeSpan.Zero), new CanaryStep(67, TimeSpan.Zero), new CanaryStep(100)) with
            {
                MaxInFlight = 1,
                MinHealthyTime = TimeSpan.FromSeconds(2),
                // What this test checks is that nothing leaks or doubles; a loaded CI machine can take far longer
                // than the fast options allow to restart a host, and a deadline failing there says nothing about that.
                HealthyDeadline = TimeSpan.FromMinutes(2),
                ProgressDeadline = TimeSpan.FromMinutes(4),
            };
            var canary = await client.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
                NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: options), CancellationToken.None);
            canaryId = canary.Id;
            await client.WaitForAsync(canaryId, d => d.CurrentStep >= 1);

            worker.Kill(entireProcessTree: instancesDieWithHost);
            await worker.WaitForExitAsync();
        }

        Assert.False((await client.Deployments.GetRequiredAsync(canaryId, CancellationToken.None)).Status.IsTerminal());
        await using var fresh = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, hub, stateDirectory, leases: ShortLease);
        var done = await fresh.WaitForEndAsync(canaryId);

        var timeline = await fresh.Deployments.EventsAsync(canaryId, CancellationToken.None);
        Assert.True(done.Status == DeploymentStatus.Successful, $"{done.Status}: {done.StatusDescription}\n"
            + string.Join("\n", timeline.Select(e => $"{e.At:HH:mm:ss.fff} {e.Kind}: {e.Message}")));
        var records = await fresh.RunningAsync(app.Id);
        Assert.Equal(3, records.Count);
        Assert.All(records, a => Assert.Equal(2, a.Revision));
        var driver = fresh.Services.GetRequiredService<TargetDriverRegistry>().Get("process");
        var processes = await driver.ListAsync(new ClusterTarget("crash", "process", new Dictionary<string, string> { ["stateDirectory"] = stateDirectory }), CancellationToken.None);
        var all = await fresh.Services.GetRequiredService<Storage.AllocationStore>().ForAppAsync(app.Id, CancellationToken.None);
        Assert.True(records.Select(a => a.Id.ToString("N")).Order().SequenceEqual(processes.Select(p => p.AllocationId).Order()),
            "running processes: " + string.Join(", ", processes.Select(p => p.AllocationId)) + "\nallocations: "
            + string.Join("\n", all.Select(a => $"{a.Id:N} r{a.Revision} {a.DesiredStatus}/{a.ActualStatus} {a.Health} dep {a.DeploymentId:N} canary {a.Canary}")));
    }

    [Fact]
    public async Task HostKilledDuringAnalysis_ResumesWithoutLosingOrDoublingMeasurements()
    {
        const int count = 8;
        // In the test process, so it outlives the killed host and counts every read either host makes.
        await using var metric = await MetricEndpoint.StartAsync();
        metric.Answer(MetricName, 0.01);
        var hub = azurite.NewHubName("crash-analysis");
        var stateDirectory = Directory.CreateTempSubdirectory("deployments-crash-analysis-").FullName;
        await using var client = await DeploymentsTestHost.StartAsync(azurite.ConnectionString, hub, stateDirectory, runWorker: false);
        await client.Services.GetRequiredService<AnalysisCatalog>().CreateAsync("error-rate", null,
        [
            new AnalysisMetric("error-rate", new MetricProvider { Web = new WebMetric(metric.UrlOf(MetricName) + "?app={{app}}", JsonPath: "$.value", Timeout: TimeSpan.FromSeconds(2)) },
                TimeSpan.FromSeconds(1), count, SuccessCondition: "result[0] < 0.05", FailureCondition: "result[0] >= 0.05"),
        ], [], CancellationToken.None);
        var app = await client.CreateSampleAppAsync(await client.CreateLocalClusterAsync(), instances: 2);
        var analysis = client.Services.GetRequiredService<DeploymentAnalysis>();

        Guid canaryId;
        using (var worker = StartWorkerProcess(azurite.ConnectionString, hub))
        {
            var first = await client.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Rolling, "alice", Options: DeploymentsTestHost.FastOptions()), CancellationToken.None);
            Assert.Equal(DeploymentStatus.Successful, (await client.WaitForEndAsync(first.Id)).Status);

            var options = DeploymentsTestHost.FastOptions(new CanaryStep(50, Analysis: new AnalysisGate(["error-rate"])), new CanaryStep(100)) with
            {
                AutoRevert = false,
                // What this test checks is that no measurement is lost or doubled; a loaded CI machine can take far
                // longer than the fast options allow to restart a host, and a deadline failing there says nothing about that.
                HealthyDeadline = TimeSpan.FromMinutes(2),
                ProgressDeadline = TimeSpan.FromMinutes(4),
            };
            var canary = await client.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
                NewRevision: DeploymentsTestHost.SampleRevision("v2"), Options: options), CancellationToken.None);
            canaryId = canary.Id;
            await Polling.UntilAsync("the step's analysis to take two measurements", async token => await analysis.ReadAsync(canaryId, token),
                report => report.Runs.Count == 1 && report.Runs[0].Measurements.Count >= 2, TimeSpan.FromMinutes(3));

            worker.Kill(entireProcessTree: false);
            await worker.WaitForExitAsync();
        }

        var beforeRestart = await analysis.ReadAsync(canaryId, CancellationToken.None);
        Assert.True(beforeRestart.Runs[0].Measurements.Count < count, "the run finished before the host was killed, so the kill tested nothing");
        Assert.False((await client.Deployments.GetRequiredAsync(canaryId, CancellationToken.None)).Status.IsTerminal());
        using var restarted = StartWorkerProcess(azurite.ConnectionString, hub);
        try
        {
            var done = await client.WaitForEndAsync(canaryId, TimeSpan.FromMinutes(4));

            var timeline = await client.Deployments.EventsAsync(canaryId, CancellationToken.None);
            var report = await analysis.ReadAsync(canaryId, CancellationToken.None);
            var measurements = report.Runs.SelectMany(r => r.Measurements).ToList();
            var reads = metric.ReadsOf(MetricName);
            var story = $"{done.Status}: {done.StatusDescription}; {reads} reads; measurements "
                + string.Join(", ", measurements.Select(m => $"{m.RunId}#{m.Sequence} {m.Phase}")) + "\n"
                + string.Join("\n", timeline.Select(e => $"{e.At:HH:mm:ss.fff} {e.Kind}: {e.Message}"));
            Assert.True(done.Status == DeploymentStatus.Successful, story);
            var run = Assert.Single(report.Runs);
            Assert.True(run.Run.Phase == AnalysisPhase.Successful, story);
            Assert.True(run.Measurements.Select(m => m.Sequence).SequenceEqual(Enumerable.Range(1, count)), story);
            // A re-run measure activity returns the stored measurement without reading again; only a kill between the
            // provider's read and the measurement's write costs one read that no measurement keeps.
            Assert.True(reads >= count && reads <= count + 1, $"expected {count} or {count + 1} reads: {story}");
        }
        finally
        {
            if (!restarted.HasExited)
            {
                restarted.Kill();
                await restarted.WaitForExitAsync();
            }
        }
    }

    [Fact]
    public async Task WorkerStoppedWhileStorageIsGone_ExitsWithinItsShutdownTimeout()
    {
        // An emulator of its own: this test kills it.
        var storage = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        var hub = azurite.NewHubName("outage");
        var stateDirectory = Directory.CreateTempSubdirectory("deployments-outage-").FullName;
        await using var client = await DeploymentsTestHost.StartAsync(storage.ConnectionString, hub, stateDirectory, runWorker: false);
        var app = await client.CreateSampleAppAsync(await client.CreateLocalClusterAsync(), instances: 2);
        using var worker = StartWorkerProcess(storage.ConnectionString, hub);
        try
        {
            // A canary waiting for promotion at its first step: the worker holds partitions and a running orchestration.
            var canary = await client.Deployments.CreateAsync(new CreateDeploymentRequest(app.Id, Strategy.Canary, "alice",
                Options: DeploymentsTestHost.FastOptions(new CanaryStep(50), new CanaryStep(100))), CancellationToken.None);
            await client.WaitForAsync(canary.Id, d => d.StatusDescription.StartsWith(StatusDescriptions.RequiresPromotion, StringComparison.Ordinal));

            await storage.DisposeAsync();
            using (var terminate = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync();
            }

            // The host's shutdown timeout is 30 s; what it cannot hand back, leases and visibility timeouts recover.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            var exited = await worker.WaitForExitAsync(deadline.Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
            Assert.True(exited, "the worker was still running 45 s after SIGTERM with storage gone");
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill();
            }

            await storage.DisposeAsync();
        }
    }

    private static Process StartWorkerProcess(string connectionString, string hub)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuildOutputs.Find(Path.Combine("tests", "Deployments.WorkerHost"), "Deployments.WorkerHost.dll"));
        info.ArgumentList.Add($"--AzureWebJobsStorage={connectionString}");
        info.ArgumentList.Add($"--hub={hub}");
        info.ArgumentList.Add($"--SelfHost:durableTask:storageProvider:controlQueueVisibilityTimeout={ShortLease}");
        info.ArgumentList.Add($"--SelfHost:durableTask:storageProvider:workItemQueueVisibilityTimeout={ShortLease}");
        info.ArgumentList.Add($"--SelfHost:durableTask:storageProvider:leaseInterval={ShortLease}");
        info.ArgumentList.Add($"--SelfHost:durableTask:storageProvider:leaseRenewInterval={ShortLease / 3}");
        info.ArgumentList.Add($"--SelfHost:durableTask:storageProvider:leaseAcquireInterval={ShortLease / 3}");
        info.ArgumentList.Add("--AzureFunctionsJobHost:extensions:durableTask:extendedSessionsEnabled=true");
        info.ArgumentList.Add("--AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval=00:00:00.500");
        var process = Process.Start(info) ?? throw new InvalidOperationException("The worker host did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLine();
        return ready == "worker ready" ? process : throw new InvalidOperationException($"The worker host said '{ready}' instead of 'worker ready'.");
    }
}
