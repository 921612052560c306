namespace DevStorage;

/// <summary>
/// Collects the three announced ports; completes with them once all are known, or with null
/// when Azurite's output ends first (it exited).
/// </summary>
/// <remarks>
/// Driven by end-of-stdout rather than the process's Exited event: the end-of-stream callback
/// comes after every line, so an exit cannot overtake a port line still being delivered.
/// </remarks>
internal sealed class StartupPorts
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<(int Blob, int Queue, int Table)?> _ready =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _blob;
    private int _queue;
    private int _table;

    public Task<(int Blob, int Queue, int Table)?> Ready => _ready.Task;

    public void OnLine(string line)
    {
        // Azurite keeps logging every request after startup; skip the regex for those.
        if (_ready.Task.IsCompleted || !ListeningAnnouncement.TryParse(line, out var service, out var port))
        {
            return;
        }

        lock (_gate)
        {
            switch (service)
            {
                case StorageService.Blob:
                    _blob = port;
                    break;
                case StorageService.Queue:
                    _queue = port;
                    break;
                case StorageService.Table:
                    _table = port;
                    break;
            }

            if (_blob != 0 && _queue != 0 && _table != 0)
            {
                _ready.TrySetResult((_blob, _queue, _table));
            }
        }
    }

    public void OnOutputEnded() => _ready.TrySetResult(null);
}
