using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Deployments.Drivers.Webhooks;

/// <summary>
/// Sends one logical call to a platform: signs every attempt afresh (the timestamp is part of the signature, and a
/// retry must not look stale), keeps one X-Request-Id across attempts so the platform can recognise a repeat, and
/// retries transient failures with backoff on the injected clock.
/// </summary>
internal sealed partial class SignedRequestSender(IHttpClientFactory httpClients, WebhookDriverOptions options, TimeProvider time, ILogger logger)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    /// <summary>Sends with retries; returns the last answer, which may be a failure status once retries are spent.</summary>
    /// <exception cref="TargetPlatformException">No answer at all came back on the last attempt.</exception>
    public async Task<PlatformResponse> SendAsync(WebhookClusterSettings settings, HttpMethod method, Uri url, byte[]? body, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                var response = await SendOnceAsync(settings, method, url, body, requestId, options.RequestTimeout, ct);
                if (!TransientFailure.IsTransient(response.StatusCode) || attempt >= attempts)
                {
                    return response with { Attempts = attempt };
                }

                failure = $"HTTP {(int)response.StatusCode}";
                retryAfter = response.RetryAfter;
            }
            catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !ct.IsCancellationRequested))
            {
                failure = error is OperationCanceledException ? $"no answer within {options.RequestTimeout.TotalSeconds} s" : error.Message;
                if (attempt >= attempts)
                {
                    throw new TargetPlatformException(
                        $"{method} {url} to cluster '{settings.ClusterId}' failed after {attempt} attempt(s): {failure} (request {requestId}).",
                        settings.ClusterId, requestId, null, attempt, error);
                }
            }

#pragma warning disable CA5394 // Jitter only spreads the retries of many callers apart; nothing is worse off if it can be guessed.
            var delay = RetryBackoff.Delay(attempt, options.FirstRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble(), retryAfter);
#pragma warning restore CA5394
            LogRetry(method.Method, url, attempt, failure, delay, requestId);
            await Task.Delay(delay, time, ct);
        }
    }

    /// <summary>One signed attempt, unretried; for health probes, which the caller repeats anyway.</summary>
    public async Task<PlatformResponse> SendOnceAsync(WebhookClusterSettings settings, HttpMethod method, Uri url, byte[]? body,
        string requestId, TimeSpan timeout, CancellationToken ct)
    {
        var payload = body ?? [];
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.Secret, timestamp, payload));
        request.Headers.Add(WebhookSignature.RequestIdHeader, requestId);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        using var response = await httpClients.CreateClient(DriverServiceCollectionExtensions.HttpClientName).SendAsync(request, bounded.Token);
        var content = await response.Content.ReadAsByteArrayAsync(bounded.Token);
        return new PlatformResponse(response.StatusCode, content, requestId, 1, RetryAfterOf(response.Headers.RetryAfter));
    }

    private TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Url} attempt {Attempt} failed transiently ({Failure}); retrying in {Delay} (request {RequestId})")]
    private partial void LogRetry(string method, Uri url, int attempt, string failure, TimeSpan delay, string requestId);
}
