using System.Net.Http.Headers;
using System.Text;

namespace Deployments.Server.Tests.Seeds;

/// <summary>
/// A seed document's curl sample, sent as curl would send it: its method, URL path and query, headers and body,
/// with nothing added (in particular no key header the sample does not carry, and curl's own
/// <c>application/x-www-form-urlencoded</c> content type for <c>--data</c> without one). The sample's host is
/// replaced by the test server's, and <c>$NAME</c>/<c>${NAME}</c>/<c>&lt;name&gt;</c>/<c>{name}</c> placeholders are
/// filled from the values given to <see cref="Parse"/>, the way a reader fills them in.
/// </summary>
internal sealed class CurlSample
{
    private const string CurlFormContentType = "application/x-www-form-urlencoded";

    private CurlSample(string method, string url, IReadOnlyList<(string Name, string Value)> headers, string? body)
    {
        Method = method;
        Url = url;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string Url { get; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; }

    public string? Body { get; }

    /// <summary>
    /// Reads a curl command as a shell would split it (quotes, backslash line continuations), then fills its placeholders.
    /// A body given as <c>--data @name</c> is read, as curl reads that file, from <paramref name="files"/>.
    /// </summary>
    public static CurlSample Parse(string command, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? files = null)
    {
        var words = Words(Fill(command, values ?? new Dictionary<string, string>()));
        Assert.Equal("curl", words[0]);
        string? method = null, url = null, body = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X" or "--request": method = words[++i]; break;
                case "--url": url = words[++i]; break;
                case "-H" or "--header":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d" or "--data" when words[i + 1].StartsWith('@'):
                    var file = words[++i][1..];
                    Assert.True(files?.ContainsKey(file) == true, $"the sample reads {file}: give its content");
                    // curl's --data strips a file's line breaks (--data-binary would keep them).
                    body = files![file].Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                    break;
                case "-d" or "--data" or "--data-raw": body = words[++i]; break;
                case var word when word.StartsWith('-'): throw new NotSupportedException($"curl option {word} is not read here.");
                case var word: url = word; break;
            }
        }

        Assert.NotNull(url);
        return new CurlSample(method ?? (body is null ? "GET" : "POST"), url, headers, body);
    }

    /// <summary>Sends the sample to <paramref name="server"/>, as curl would, and reads the answer in full.</summary>
    public async Task<ApiResponse> SendAsync(ControlPlaneServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var target = new Uri(Url, UriKind.Absolute);
        using var request = new HttpRequestMessage(new HttpMethod(Method), target.PathAndQuery);
        var contentType = Headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        foreach (var (name, value) in Headers.Where(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"header {name}");
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? CurlFormContentType);
        }

        using var response = await http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    private static string Fill(string command, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            command = command.Replace("${" + name + "}", value, StringComparison.Ordinal).Replace("$" + name, value, StringComparison.Ordinal)
                .Replace("<" + name + ">", value, StringComparison.Ordinal).Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return command;
    }

    /// <summary>Splits as a POSIX shell does for the quoting samples use: single quotes verbatim, double quotes, backslash escapes and line continuations.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    word.Append(command, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    for (i++; command[i] != '"'; i++)
                    {
                        if (command[i] == '\\' && command[i + 1] is '"' or '\\' or '$')
                        {
                            i++;
                        }

                        word.Append(command[i]);
                    }

                    inWord = true;
                    break;
                // A line continuation, also as documents print it with the line break turned into a space.
                case '\\' when i + 1 < command.Length && char.IsWhiteSpace(command[i + 1]):
                    i++;
                    break;
                case '\\' when i + 1 < command.Length:
                    word.Append(command[++i]);
                    inWord = true;
                    break;
                case var space when char.IsWhiteSpace(space):
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
