namespace Durable.Sample;

/// <summary>The sample's orchestrations and activities; the crash tests drive the same ones in a child process.</summary>
public static class SampleTasks
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<ReleaseTrainOrchestrator>("ReleaseTrain")
        .AddOrchestrator<SlowChainOrchestrator>("SlowChain")
        .AddActivity<BuildActivity>("Build")
        .AddActivity<TestSuiteActivity>("RunTestSuite")
        .AddActivity<SlowStepActivity>("SlowStep");
}

public sealed record ReleaseRequest(string Service, string Version, int TestSuites);

public sealed record ReleaseResult(string Service, string Version, int PassedSuites, bool Approved, DateTime FinishedAt);

/// <summary>Chain, fan-out/fan-in, a durable timer and an approval event with a timeout: the engine's main moves.</summary>
public sealed class ReleaseTrainOrchestrator : TaskOrchestrator<ReleaseRequest, ReleaseResult>
{
    public override async Task<ReleaseResult> RunAsync(TaskOrchestrationContext context, ReleaseRequest input)
    {
        context.SetCustomStatus("building");
        var artifact = await context.CallActivityAsync<string>("Build", input);

        context.SetCustomStatus("testing");
        var suites = Enumerable.Range(1, input.TestSuites).Select(i => context.CallActivityAsync<bool>("RunTestSuite", $"{artifact}#suite-{i}"));
        var passed = (await Task.WhenAll(suites)).Count(ok => ok);

        context.SetCustomStatus("soaking");
        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);

        context.SetCustomStatus("awaiting approval");
        bool approved;
        try
        {
            approved = await context.WaitForExternalEvent<bool>("approval", TimeSpan.FromSeconds(30));
        }
        catch (TaskCanceledException)
        {
            approved = false;
        }

        context.SetCustomStatus(approved ? "released" : "rejected");
        return new ReleaseResult(input.Service, input.Version, passed, approved, context.CurrentUtcDateTime);
    }
}

public sealed class BuildActivity : TaskActivity<ReleaseRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, ReleaseRequest input) =>
        Task.FromResult($"{input.Service}:{input.Version}");
}

public sealed class TestSuiteActivity : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        await Task.Delay(20, context.CancellationToken);
        return true;
    }
}

public sealed record SlowChainInput(int Steps, int StepMilliseconds);

/// <summary>A chain of slow steps: long enough to kill a host in the middle of it.</summary>
public sealed class SlowChainOrchestrator : TaskOrchestrator<SlowChainInput, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, SlowChainInput input)
    {
        long sum = 0;
        for (var step = 1; step <= input.Steps; step++)
        {
            sum += await context.CallActivityAsync<long>("SlowStep", new SlowStepInput(step, input.StepMilliseconds));
            context.SetCustomStatus(step);
        }

        return sum;
    }
}

public sealed record SlowStepInput(int Step, int Milliseconds);

public sealed class SlowStepActivity : TaskActivity<SlowStepInput, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, SlowStepInput input)
    {
        await Task.Delay(input.Milliseconds, context.CancellationToken);
        return input.Step * (long)input.Step;
    }
}
