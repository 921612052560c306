using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// A request body, bound by <see cref="JsonBodyReader"/> instead of the framework's reader, which answers
/// malformed JSON with a bare 400 and lets nulls and oversized values through. An empty body is allowed
/// (commands whose fields are all optional); <see cref="Required"/> refuses it. <see cref="Has"/> tells a
/// field sent as null from one not sent, which a partial update needs. A body the reader refuses is refused
/// when the handler first reads it, not while binding: authorization (<see cref="Auth.ScopeFirst"/>) comes first.
/// </summary>
internal sealed class JsonBody<T>
    where T : class
{
    private readonly T? value;
    private readonly JsonElement? raw;
    private readonly ExceptionDispatchInfo? refusal;

    private JsonBody(T? value, JsonElement? raw, ExceptionDispatchInfo? refusal)
    {
        this.value = value;
        this.raw = raw;
        this.refusal = refusal;
    }

    public T? Value
    {
        get
        {
            refusal?.Throw();
            return value;
        }
    }

    public T Required => Value ?? throw new ValidationException([new ValidationError(JsonErrors.BodyField, "a JSON object is required")]);

    public bool Has(string field)
    {
        refusal?.Throw();
        return raw is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(field, out _);
    }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var reader = context.RequestServices.GetRequiredService<JsonBodyReader>();
        try
        {
            var (value, raw) = await reader.ReadAsync<T>(context.Request, context.RequestAborted);
            return new JsonBody<T>(value, raw, null);
        }
        catch (Exception refused) when (refused is JsonException or RequestRefusedException or BadHttpRequestException)
        {
            return new JsonBody<T>(null, null, ExceptionDispatchInfo.Capture(refused));
        }
    }
}
