using Durable.Storage;

namespace Durable.Tests.Unit;

public sealed class TaskHubNamesTests
{
    [Fact]
    public void PartitionOf_IsTheSameForEveryHostAndProcess()
    {
        // Pinned: hosts of different versions must route an instance to the same control queue.
        var names = new TaskHubNames("Orders", 4);

        Assert.Equal(names.PartitionOf("order-42"), new TaskHubNames("Other", 4).PartitionOf("order-42"));
        Assert.Equal([0, 3, 2, 1, 1, 3], new[] { "order-42", "order-43", "order-44", "b", "", "Bestellung-ä" }.Select(names.PartitionOf));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(16)]
    public void PartitionOf_IsInRangeAndUsesEveryPartition(int partitionCount)
    {
        var names = new TaskHubNames("Orders", partitionCount);

        var partitions = Enumerable.Range(0, 1000).Select(i => names.PartitionOf($"instance-{i}")).ToList();

        Assert.All(partitions, p => Assert.InRange(p, 0, partitionCount - 1));
        Assert.Equal(partitionCount, partitions.Distinct().Count());
    }

    [Fact]
    public void QueueNames_AreLowercaseAndNumbered()
    {
        var names = new TaskHubNames("OrdersHub", 3);

        Assert.Equal(["ordershub-control-00", "ordershub-control-01", "ordershub-control-02"], names.ControlQueues);
        Assert.Equal("ordershub-workitems", names.WorkItemQueue);
        Assert.Equal("ordershub-poison", names.PoisonQueue);
        Assert.Equal("OrdersHubHistory", names.HistoryTable);
        Assert.Equal(names.ControlQueues[names.PartitionOf("x")], names.ControlQueueFor("x"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("hub-name")]
    public void Validate_RejectsNamesStorageCannotUse(string hubName) =>
        Assert.Throws<ArgumentException>(() => TaskHubNames.Validate(hubName));
}
