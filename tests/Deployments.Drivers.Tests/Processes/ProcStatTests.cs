using Deployments.Drivers.Processes;

namespace Deployments.Drivers.Tests.Processes;

public sealed class ProcStatTests
{
    [Fact]
    public void Fields_are_counted_from_the_last_parenthesis_because_command_names_may_contain_spaces_and_parentheses()
    {
        const string Line = "4242 (we ird) (name) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 1234567 100 18446744073709551615 0 0";

        var stat = ProcStat.Parse(Line)!;

        Assert.Equal(new ProcStat('S', 4242, 4242, 987654), stat);
        Assert.False(stat.IsDead);
    }

    [Fact]
    public void Zombie_counts_as_dead()
    {
        Assert.True(ProcStat.Parse("7 (x) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0")!.IsDead);
    }

    [Fact]
    public void Own_process_is_alive_and_a_changed_start_marker_is_another_process()
    {
        var self = ProcessFingerprint.Capture(Environment.ProcessId)!;

        Assert.True(self.IsAlive());
        Assert.False((self with { StartMarker = self.StartMarker + 1 }).IsAlive());
        Assert.False(ProcessFingerprint.Exited(Environment.ProcessId).IsAlive());
    }

    [Theory]
    [InlineData("alloc-1", "alloc-1")]
    [InlineData("deploy/42:web", "deploy%2F42%3Aweb")]
    [InlineData("..", "%2E.")]
    public void Allocation_ids_become_safe_file_names(string allocationId, string fileName)
    {
        Assert.Equal(fileName, AllocationStateStore.FileName(allocationId));
        Assert.Equal(allocationId, Uri.UnescapeDataString(fileName));
    }
}
