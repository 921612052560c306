using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Deployments.Functions.Contract.Tests.Infrastructure;

/// <summary>Webhook requests as a pipeline sends them: raw JSON, GitHub-style signature, a delivery id.</summary>
internal static class Signed
{
    public static HttpRequestMessage Hook(string path, string json, string? deliveryId, string secret = ControlPlaneHost.WebhookSecret, string deliveryHeader = "X-Delivery-Id", string? githubEvent = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        if (deliveryId is not null)
        {
            request.Headers.Add(deliveryHeader, deliveryId);
        }

        if (githubEvent is not null)
        {
            request.Headers.Add("X-GitHub-Event", githubEvent);
        }

        return request;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Json.Options);
}
