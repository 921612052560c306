using System.Text.RegularExpressions;

namespace DevStorage;

/// <summary>The three storage services Azurite hosts.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>
/// Parses the line Azurite prints once a service is bound, e.g.
/// <c>Azurite Blob service is successfully listening at http://127.0.0.1:36379</c>.
/// </summary>
/// <remarks>
/// Azurite has no other way to report the port it got when asked for port 0: it prints the
/// requested port in its "is starting at" line and the bound one only here.
/// </remarks>
internal static partial class ListeningAnnouncement
{
    public static bool TryParse(string line, out StorageService service, out int port)
    {
        service = default;
        port = 0;

        var match = Pattern().Match(line);
        if (!match.Success
            || !Enum.TryParse(match.Groups["service"].Value, out service)
            || !Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var url))
        {
            return false;
        }

        port = url.Port;
        return true;
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
