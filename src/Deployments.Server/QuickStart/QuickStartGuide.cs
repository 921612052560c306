using System.Text;
using Deployments.Model;

namespace Deployments.Server.QuickStart;

/// <summary>
/// The commands that roll a canary out to the sample app and follow it, printed with the real key (when this
/// start generated it), the app's id and the paths of this machine, so they run as printed.
/// </summary>
internal static class QuickStartGuide
{
    public const string KeyPlaceholder = "<the admin key printed at first start>";

    public static string Text(IConfiguration configuration, App app, string sampleService, string? adminKey)
    {
        var url = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';')[0].TrimEnd('/');
        var body = $$$"""{"app_id":"{{{app.Id}}}","strategy":"canary","artifact":{"command":"dotnet","args":["{{{sampleService}}}"]},"environment":{"VERSION":{"value":"v2"},"LOAD_RPS":{"value":"{{{QuickStartSeeder.SampleLoadRps}}}"}},"options":{"steps":[{"instance_weight":34,"pause":"10s"},{"instance_weight":67,"pause":"10s"}],"max_in_flight":3,"min_healthy_time":"1s"}}""";
        var key = "-H \"x-functions-key: $KEY\"";
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Quick start: cluster '{QuickStartSeeder.ClusterName}' (process driver) and app '{app.Name}' ({app.TotalInstances} instances of SampleService v1) are running.");
        text.AppendLine("Roll out v2 as a canary (34%, 67%, then all; 10 s pauses), then follow it:");
        text.AppendLine($"  KEY='{adminKey ?? KeyPlaceholder}'");
        text.AppendLine($"  ID=$(curl -s -X POST {url}/api/deployments {key} -H 'content-type: application/json' -d '{body}' | grep -o '\"id\":\"[^\"]*' | head -1 | cut -d'\"' -f4)");
        text.AppendLine($"  curl -s \"{url}/api/deployments/$ID\" {key}");
        text.AppendLine($"  curl -s \"{url}$(curl -s \"{url}/api/deployments/$ID\" {key} | grep -o '/api/deployments/[^\"]*index=[^\"]*')\" {key}   # waits for its next change (its links.next)");
        text.AppendLine($"  curl -s \"{url}/api/deployments/$ID/events\" {key}");
        text.AppendLine($"Or watch it live until it ends: dotnet run --project src/Deployments.Cli -- status $ID --watch --url {url} --key \"$KEY\"");
        return text.ToString();
    }
}
