namespace DevStorage;

/// <summary>
/// Keeps the last lines of a process's output, thread-safe.
/// </summary>
/// <remarks>
/// Azurite logs every request to stdout for as long as it runs, so keeping everything would grow
/// without bound during a benchmark; only the tail is useful for explaining a failure anyway.
/// </remarks>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
