using System.Text.Json;

namespace Deployments.Drivers.Processes;

/// <summary>
/// The state directory of one cluster: <c>{id}.json</c> (the state), <c>{id}.log</c> (the process's output) and
/// <c>locks/{id}.lock</c>. Allocation ids become file names, so characters a file name cannot safely hold are escaped.
/// </summary>
internal sealed class AllocationStateStore
{
    private readonly string _locks;

    public AllocationStateStore(string directory)
    {
        Directory = directory;
        _locks = Path.Combine(directory, "locks");
        System.IO.Directory.CreateDirectory(_locks);
    }

    public string Directory { get; }

    public string LogPath(string allocationId) => Path.Combine(Directory, FileName(allocationId) + ".log");

    public string LockPath(string allocationId) => Path.Combine(_locks, FileName(allocationId) + ".lock");

    public AllocationState? Read(string allocationId) => ReadFile(StatePath(allocationId));

    /// <summary>Every state file, with a null state for one that cannot be read as such.</summary>
    public IEnumerable<(string AllocationId, AllocationState? State)> ReadAll()
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            yield return (Uri.UnescapeDataString(name), ReadFile(path));
        }
    }

    /// <summary>Writes through a temporary file and a rename, so a crash mid-write never leaves half a state file.</summary>
    public void Write(AllocationState state)
    {
        var path = StatePath(state.AllocationId);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, DriverJsonContext.Default.AllocationState));
        File.Move(temporary, path, overwrite: true);
    }

    public void Delete(string allocationId) => File.Delete(StatePath(allocationId));

    private string StatePath(string allocationId) => Path.Combine(Directory, FileName(allocationId) + ".json");

    private static AllocationState? ReadFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DriverJsonContext.Default.AllocationState);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Percent-escapes everything but letters, digits, '-', '_' and '.', and a leading '.' (no hidden files, no "..").</summary>
    internal static string FileName(string allocationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(allocationId);
        var escaped = Uri.EscapeDataString(allocationId);
        return escaped.StartsWith('.') ? "%2E" + escaped[1..] : escaped;
    }
}
