using System.Collections.Concurrent;

namespace Durable.Worker;

/// <summary>
/// Recently active instances kept in memory with their live executors ("extended sessions"). A session
/// is taken out while a step runs and put back after its commit, so it is never shared.
/// </summary>
internal sealed class OrchestrationCache(DurableTaskOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, InstanceSession> sessions = new();

    public int Count => sessions.Count;

    public InstanceSession? Take(string instanceId)
    {
        if (!sessions.TryRemove(instanceId, out var session))
        {
            return null;
        }

        return time.GetUtcNow() - session.LastUsed > IdleTimeout ? null : session;
    }

    public void Put(InstanceSession session)
    {
        if (!options.ExtendedSessionsEnabled || !session.IsActive)
        {
            return;
        }

        session.LastUsed = time.GetUtcNow();
        sessions[session.InstanceId] = session;
        if (sessions.Count > options.ExtendedSessionMaxCount)
        {
            EvictOldest(sessions.Count - options.ExtendedSessionMaxCount + (options.ExtendedSessionMaxCount / 10));
        }
    }

    public void Evict(string instanceId) => sessions.TryRemove(instanceId, out _);

    private TimeSpan IdleTimeout => TimeSpan.FromSeconds(options.ExtendedSessionIdleTimeoutInSeconds);

    private void EvictOldest(int count)
    {
        foreach (var stale in sessions.Values.OrderBy(s => s.LastUsed).Take(count).ToList())
        {
            sessions.TryRemove(new KeyValuePair<string, InstanceSession>(stale.InstanceId, stale));
        }
    }
}
