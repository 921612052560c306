namespace TestSupport.Server;

/// <summary>Every error is an RFC 9457 problem document; a validation problem names the offending field.</summary>
public static class ProblemAssert
{
    public static JsonElement IsProblem(this ApiResponse response, HttpStatusCode status, string? field = null)
    {
        Assert.True(response.Status == status, $"Expected {(int)status} problem, got {response}");
        Assert.True(response.ContentType == "application/problem+json", $"Expected application/problem+json, got {response}");
        var problem = response.Json;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), response.ToString());
        if (field is not null)
        {
            Assert.True(NamesField(problem, field), $"Expected the problem to name '{field}': {response}");
        }

        return problem;
    }

    /// <summary>A validation problem lists the field under <c>errors</c>; a single-field refusal says it in <c>field</c>.</summary>
    public static bool NamesField(JsonElement problem, string field) =>
        (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _))
        || (problem.TryGetProperty("field", out var named) && named.GetString() == field);
}
