using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;

namespace DevStorage;

/// <summary>Builds the Node.js invocation for Azurite from <see cref="AzuriteOptions"/>.</summary>
internal static class AzuriteCommandLine
{
    /// <summary>Every service binds here so the endpoints in the connection string are exact.</summary>
    public const string Host = "127.0.0.1";

    public static ProcessStartInfo Create(AzuriteOptions options, string scriptPath)
    {
        var location = options.Location is null ? null : Path.GetFullPath(options.Location);
        var startInfo = new ProcessStartInfo(options.NodeExecutable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            // Azurite may drop files into its working directory; keep them out of bin folders.
            WorkingDirectory = location ?? Path.GetTempPath(),
        };

        var args = startInfo.ArgumentList;
        foreach (var nodeArgument in ParentWatchdog.NodeArguments())
        {
            args.Add(nodeArgument);
        }

        args.Add(scriptPath);
        AddPair(args, "--blobHost", Host);
        AddPair(args, "--queueHost", Host);
        AddPair(args, "--tableHost", Host);
        AddPair(args, "--blobPort", Port(options.BlobPort));
        AddPair(args, "--queuePort", Port(options.QueuePort));
        AddPair(args, "--tablePort", Port(options.TablePort));
        // The Azure SDKs often send an x-ms-version newer than the emulator knows; accept it.
        args.Add("--skipApiVersionCheck");
        args.Add("--disableTelemetry");
        // Tolerate headers and parameters Azurite does not implement instead of failing requests.
        args.Add("--loose");
        // Without this Azurite prints a line per request: noise, and measurable overhead under load.
        args.Add("--silent");

        if (location is null)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            AddPair(args, "--location", location);
        }

        return startInfo;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void AddPair(Collection<string> args, string name, string value)
    {
        args.Add(name);
        args.Add(value);
    }
}
