using BadInputCases = Deployments.Server.Tests.BadInput;

namespace Deployments.Server.Tests;

/// <summary>
/// Hundreds of malformed requests to every endpoint that takes a body: each must be refused with a 4xx
/// problem document, never a 500, and none may write anything (every row of every table, with its ETag,
/// is the same before and after).
/// </summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task MalformedBodies_AreRefusedWithProblems_AndWriteNothing()
    {
        var ids = await BadInputCases.BodyEndpoints.SetUpAsync(server);
        var before = await TableSnapshot.SettledAsync(server);
        var endpoints = BadInputCases.BodyEndpoints.All(ids);
        var failures = new List<string>();
        var misleading = new List<string>();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            foreach (var request in BadInputCases.MalformedBodies.For(endpoint))
            {
                using var content = new ByteArrayContent(request.Body);
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
                var response = await server.Api.SendAsync(endpoint.Method, request.Path, content);
                sent++;
                if ((int)response.Status is < 400 or > 499 || response.ContentType != "application/problem+json")
                {
                    failures.Add($"{endpoint.Method} {request.Path} [{request.What}]: {(int)response.Status} {response.ContentType} {Shorten(response.Body)}");
                }
                else if (request.Expected is { } expected && !SaysWhatWasExpected(response, expected))
                {
                    misleading.Add($"{endpoint.Method} {request.Path} [{request.What}]: wanted {expected.Field}: {expected.Message}…, got {Shorten(response.Body)}");
                }
            }
        }

        var after = await TableSnapshot.TakeAsync(server);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests were not refused with a 4xx problem:\n{string.Join("\n", failures.Take(40))}");
        Assert.True(misleading.Count == 0, $"{misleading.Count} refusals of a wrong type do not say what was expected:\n{string.Join("\n", misleading.Take(60))}");
        Assert.True(sent >= 1000, $"only {sent} malformed requests were generated");
        Assert.Equal(24, endpoints.Select(e => $"{e.Method} {e.Path}").Distinct().Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} malformed requests to {endpoints.Count} endpoint bodies; {before.Count} rows unchanged.");
        var written = before.Differences(after);
        Assert.True(written.Count == 0, $"malformed requests wrote {written.Count} rows:\n{string.Join("\n", written.Take(20))}");
    }

    /// <summary>The problem names the field, and its message there starts with what the field must be.</summary>
    private static bool SaysWhatWasExpected(ApiResponse response, (string Field, string Message) expected) =>
        response.Json.TryGetProperty("errors", out var errors)
        && errors.TryGetProperty(expected.Field, out var messages)
        && messages.EnumerateArray().Any(m => m.GetString()!.StartsWith(expected.Message, StringComparison.Ordinal));

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
