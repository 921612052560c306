namespace TestSupport.Server;

public static class ApiCalls
{
    /// <summary>Asserts a status and returns the JSON body; the message shows the whole response when it is not what was expected.</summary>
    public static JsonElement Expect(this ApiResponse response, HttpStatusCode status)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {response}");
        return response.Body.Length == 0 ? default : response.Json;
    }
}
