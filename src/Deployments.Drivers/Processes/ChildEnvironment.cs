using System.Globalization;

namespace Deployments.Drivers.Processes;

/// <summary>
/// The environment an allocation starts with. Not the host's: the host holds the control plane's own settings
/// (storage connection strings, ASPNETCORE_URLS) that must neither leak into a deployed app nor change how it binds.
/// Only what a program needs to find its runtime and behave like a login shell passes through.
/// </summary>
internal static class ChildEnvironment
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly string[] PassedThrough =
        ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR", "DOTNET_ROOT"];

    public static Dictionary<string, string> For(AllocationSpec spec, int port)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = DefaultPath };
        foreach (var name in PassedThrough)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in spec.Environment)
        {
            environment[name] = value;
        }

        // Last, so a spec cannot make an allocation bind elsewhere or claim another's identity.
        environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        environment["ALLOCATION_ID"] = spec.AllocationId;
        return environment;
    }
}
