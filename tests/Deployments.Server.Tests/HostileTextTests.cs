using BadInputCases = Deployments.Server.Tests.BadInput;

namespace Deployments.Server.Tests;

/// <summary>
/// Text that is valid JSON but not valid Unicode (a lone UTF-16 surrogate escape), in any string or map key
/// of any body and in the query: refused with a 400 that names the field, and nothing written.
/// </summary>
public sealed class HostileTextTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly ControlPlaneServer server = fixture.Server;

    [Fact]
    public async Task A_lone_surrogate_escape_in_any_body_field_or_key_is_a_400_naming_the_field_and_writes_nothing()
    {
        var ids = await BadInputCases.BodyEndpoints.SetUpAsync(server);
        var before = await TableSnapshot.SettledAsync(server);
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in BadInputCases.BodyEndpoints.All(ids))
        {
            foreach (var (field, request) in BadInputCases.LoneSurrogates.For(endpoint))
            {
                using var content = new ByteArrayContent(request.Body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(request.ContentType);
                var response = await server.Api.SendAsync(endpoint.Method, request.Path, content);
                sent++;
                if (response.Status != HttpStatusCode.BadRequest || response.ContentType != "application/problem+json" || !ProblemAssert.NamesField(response.Json, field))
                {
                    failures.Add($"{endpoint.Method} {request.Path} [{request.What}] should name '{field}': {(int)response.Status} {response.Body[..Math.Min(300, response.Body.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bodies were not refused naming the field:\n{string.Join("\n", failures.Take(40))}");
        Assert.True(sent >= 100, $"only {sent} bodies were generated");
        var written = before.Differences(await TableSnapshot.TakeAsync(server));
        Assert.True(written.Count == 0, $"{written.Count} rows written:\n{string.Join("\n", written.Take(20))}");
    }

    [Theory]
    [InlineData("/api/deployments?namespace=%ED%A0%80", "namespace")]
    [InlineData("/api/deployments?prefix=%ED%A0%80", "prefix")]
    [InlineData("/api/deployments?status=%ED%A0%80", "status")]
    [InlineData("/api/deployments?next_token=%ED%A0%80", "next_token")]
    [InlineData("/api/deployments?wait=%ED%A0%80", "wait")]
    [InlineData("/api/apps?namespace=%ED%A0%80", "namespace")]
    [InlineData("/api/environments?namespace=%ED%A0%80", "namespace")]
    [InlineData("/api/pipelines?namespace=a%ED%A0%80", "namespace")]
    [InlineData("/api/subscriptions?namespace=a%ED%A0%80", "namespace")]
    public async Task Text_that_is_not_valid_unicode_in_the_query_is_a_400_naming_the_parameter(string path, string field)
    {
        var response = await server.Api.GetAsync(path);

        response.IsProblem(HttpStatusCode.BadRequest, field);
    }
}
