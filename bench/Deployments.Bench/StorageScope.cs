namespace Deployments.Bench;

/// <summary>
/// Labels the storage requests the benchmark itself causes (creating deployments, watching for completions), so
/// the profile can tell them from the engine's. An AsyncLocal: the label follows only the flow that set it.
/// </summary>
internal static class StorageScope
{
    public const string Observer = "observer";

    private static readonly AsyncLocal<string?> Label = new();

    public static string? Current => Label.Value;

    /// <summary>Call inside an async method: the label is dropped when the method returns.</summary>
    public static void Enter(string label) => Label.Value = label;
}
