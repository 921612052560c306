using System.Net.Http.Headers;

namespace TestSupport.Server;

/// <summary>A response read in full, so a failed assertion can show the body that explains it.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? ContentType, string Body, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Location => Headers.Location?.ToString();

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public Guid Id => Json.GetProperty("id").GetGuid();

    public override string ToString() => $"{(int)Status} {ContentType}: {Body}";
}
