using System.Text;
using Deployments.Model;

namespace Deployments.Server.QuickStart;

/// <summary>The three commands that roll a canary out to the sample app, printed with its real id and paths.</summary>
internal static class QuickStartGuide
{
    public static string Text(IConfiguration configuration, App app, string sampleService)
    {
        var url = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';')[0].TrimEnd('/');
        var body = $$$"""{"app_id":"{{{app.Id}}}","strategy":"canary","artifact":{"command":"dotnet","args":["{{{sampleService}}}"]},"environment":{"VERSION":{"value":"v2"}},"options":{"steps":[{"instance_weight":34,"pause":"10s"},{"instance_weight":67,"pause":"10s"}],"max_in_flight":3,"min_healthy_time":"1s"}}""";
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Quick start: cluster '{QuickStartSeeder.ClusterName}' (process driver) and app '{app.Name}' ({app.TotalInstances} instances of SampleService v1) are running.");
        text.AppendLine("Roll out v2 as a canary (34%, 67%, then all; 10 s pauses) with the admin key printed at first start:");
        text.AppendLine($"  KEY=<admin key>");
        text.AppendLine($"  curl -s -X POST {url}/api/deployments -H \"x-functions-key: $KEY\" -H 'content-type: application/json' -d '{body}'");
        text.AppendLine($"  curl -s \"{url}/api/deployments/<id>?index=0&wait=30s\" -H \"x-functions-key: $KEY\"   # repeat until status is successful");
        text.AppendLine($"  curl -s {url}/api/deployments/<id>/events -H \"x-functions-key: $KEY\"");
        return text.ToString();
    }
}
