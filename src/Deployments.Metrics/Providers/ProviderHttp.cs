using System.Globalization;

namespace Deployments.Metrics.Providers;

/// <summary>
/// What both providers do over HTTP: accept only absolute http(s) URLs, send with their own timeout, and turn every
/// way of getting no answer into a <see cref="MetricProviderException"/> that says where and what.
/// </summary>
internal static class ProviderHttp
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Buffered answers are capped: a reading is a few numbers, a larger answer is a mistake in the query.</summary>
    public const int MaxAnswerBytes = 8 * 1024 * 1024;

    /// <summary>The URL, or a refusal naming <paramref name="what"/>: file:, ftp: and relative URLs never reach the network.</summary>
    public static Uri Absolute(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MetricProviderException($"The {what} '{Describe(url)}' is not an absolute http or https URL.");
        }

        return uri;
    }

    /// <summary>
    /// A URL as messages show it: scheme, host, port and path, without user info or query, where a template might
    /// carry a key (an API key in the query string is common for web metrics).
    /// </summary>
    public static string Describe(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public static async Task<HttpAnswer> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan? timeout, string where, CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero)
        {
            throw new MetricProviderException($"The timeout of {where} must be positive.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            using var response = await client.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return new HttpAnswer(response.StatusCode, response.ReasonPhrase, body);
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricProviderException(
                string.Create(CultureInfo.InvariantCulture, $"{where} did not answer within {limit.TotalSeconds} s."), timedOut);
        }
        catch (HttpRequestException unreachable)
        {
            throw new MetricProviderException($"{where} could not be read: {unreachable.Message}", unreachable);
        }
    }

    /// <summary>Fills a template's arguments, turning a missing one into the provider failure the reader promises.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> arguments, string what)
    {
        try
        {
            return TemplateArguments.Fill(text, arguments);
        }
        catch (KeyNotFoundException missing)
        {
            throw new MetricProviderException($"The {what} cannot be filled: {missing.Message}", missing);
        }
    }

    private static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Describe(uri) : url.Split('?')[0];
}
