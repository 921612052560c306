using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Deployments.Cli.Connection;

namespace Deployments.Cli.Http;

/// <summary>
/// The API over HTTP: presents the key, sends JSON, turns refusals into <see cref="ApiProblemException"/> and
/// transport failures into <see cref="ApiUnreachableException"/> naming the URL. Every POST carries an
/// Idempotency-Key of its own (one per request of this invocation), so a retry after a dropped connection
/// never acts twice.
/// </summary>
internal sealed class ControlPlaneClient : IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly HttpClient http;
    private readonly string invocation = Guid.NewGuid().ToString("N");
    private int requests;

    public ControlPlaneClient(ConnectionSettings settings, TimeProvider time)
    {
        // Blocking reads wait up to a minute on the server; the client waits a little longer than that.
        http = new HttpClient(new RetryHandler(new SocketsHttpHandler(), time)) { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Add("x-functions-key", settings.Key);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("deployctl", typeof(ControlPlaneClient).Assembly.GetName().Version?.ToString(3)));
    }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<ApiResult> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult> PatchAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    public Task<ApiResult> DeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    public async Task<ApiResult> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var url = new Uri(http.BaseAddress!, path.TrimStart('/'));
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, CliJson.Options), Encoding.UTF8, "application/json");
        }

        if (method == HttpMethod.Post)
        {
            request.Headers.Add(IdempotencyHeader, $"deployctl-{invocation}-{Interlocked.Increment(ref requests)}");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiProblemException.From(response.StatusCode, response.ReasonPhrase, text);
            }

            var index = response.Headers.TryGetValues("X-Modify-Index", out var values) ? ApiResult.ParseIndex(values.FirstOrDefault()) : null;
            var location = response.Headers.Location is { } l ? new Uri(http.BaseAddress!, l) : null;
            return new ApiResult(response.StatusCode, text, index, location);
        }
        catch (HttpRequestException ex)
        {
            throw new ApiUnreachableException(url, ex.InnerException?.Message ?? ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApiUnreachableException(url, $"no answer within {http.Timeout.TotalSeconds:0} s", ex);
        }
    }

    public void Dispose() => http.Dispose();
}
