using Deployments.Engine.Tests.Infrastructure;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TestSupport;

namespace Deployments.Engine.Tests;

/// <summary>Starting, signalling and stopping instances through the self-host's client, run by its worker.</summary>
public sealed class ClientLifecycleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Start_WithChosenInstanceId_RunsToCompletionAndReadsBackInputAndOutput()
    {
        await using var engine = await StartAsync("start");

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.Greeting, "world", new StartOrchestrationOptions("greeting-1"));
        var done = await engine.WaitForEndAsync(id);

        Assert.Equal("greeting-1", id);
        Assert.Equal((TestTasks.Greeting, "greeting-1", OrchestrationRuntimeStatus.Completed), (done.Name, done.InstanceId, done.RuntimeStatus));
        Assert.Equal("world", done.ReadInputAs<string>());
        Assert.Equal("Hello, world", done.ReadOutputAs<string>());
        Assert.Null(done.FailureDetails);
    }

    [Fact]
    public async Task Start_OfAnIdStillRunning_IsRefusedAndLeavesTheRunningInstanceAlone()
    {
        await using var engine = await StartAsync("refused");
        await engine.StartAwaitingApprovalAsync("first", "release-7");

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync(TestTasks.AwaitApproval, "second", new StartOrchestrationOptions("release-7")));

        await engine.Client.RaiseEventAsync("release-7", TestTasks.ApprovalEvent, new Approval("alice"));
        Assert.Equal("first approved by alice", (await engine.WaitForEndAsync("release-7")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Start_OfAnIdThatHasEnded_RunsItAgain()
    {
        await using var engine = await StartAsync("restart");
        Assert.Equal("Hello, first", (await engine.RunAsync(TestTasks.Greeting, "first", "nightly")).ReadOutputAs<string>());

        var again = await engine.RunAsync(TestTasks.Greeting, "second", "nightly");

        Assert.Equal((OrchestrationRuntimeStatus.Completed, "second", "Hello, second"), (again.RuntimeStatus, again.ReadInputAs<string>(), again.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task RaiseEvent_DeliversItsPayloadToTheWaitingInstance()
    {
        await using var engine = await StartAsync("event");
        var id = await engine.StartAwaitingApprovalAsync("v2");

        await engine.Client.RaiseEventAsync(id, TestTasks.ApprovalEvent, new Approval("carol", "looks good"));
        var done = await engine.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("v2 approved by carol: looks good", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Suspend_HoldsTheInstanceAndItsEventsUntilResumed()
    {
        await using var engine = await StartAsync("suspend");
        var id = await engine.StartAwaitingApprovalAsync("v3");

        await engine.Client.SuspendInstanceAsync(id, "maintenance window");
        await engine.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        await engine.Client.RaiseEventAsync(id, TestTasks.ApprovalEvent, new Approval("dave"));
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await engine.Client.GetInstanceAsync(id))?.RuntimeStatus);

        await engine.Client.ResumeInstanceAsync(id, "window over");
        var done = await engine.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("v3 approved by dave", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_EndsARunningInstanceWithTheGivenOutput()
    {
        await using var engine = await StartAsync("terminate");
        var id = await engine.StartAwaitingApprovalAsync("v4");

        await engine.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("superseded by v5"));
        var done = await engine.WaitForEndAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("superseded by v5", done.ReadOutputAs<string>());
    }

    private Task<EngineHost> StartAsync(string prefix) => EngineHost.StartAsync(azurite.ConnectionString, azurite.NewHubName(prefix));
}
