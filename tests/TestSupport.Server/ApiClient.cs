using System.Net.Http.Headers;
using System.Text;

namespace TestSupport.Server;

/// <summary>HTTP calls as a client writes them: bodies are anonymous objects with the API's snake_case names, or raw text.</summary>
public sealed class ApiClient(HttpClient http)
{
    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PostAsync(string path, object? body = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : Json(body), idempotencyKey);

    public Task<ApiResponse> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, Json(body));

    public Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json", string? idempotencyKey = null) =>
        SendAsync(method, path, new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)), idempotencyKey);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // A body the server refuses by its size is answered before it is read, and the connection closed:
        // asking to continue first lets the client read that 413 instead of failing on a broken pipe.
        request.Headers.ExpectContinue = content?.Headers.ContentLength > 512 * 1024;
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers);
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
