namespace Deployments.Refusals;

/// <summary>The caller is confined to one namespace and the request reaches another (the API answers 403).</summary>
internal sealed class OutOfScopeException(string scope, string @namespace)
    : RequestRefusedException(Refusal.Forbidden, "Outside the token's namespace", $"The token is scoped to namespace '{scope}'; this request reaches namespace '{@namespace}'.")
{
    public string Scope { get; } = scope;

    public string Namespace { get; } = @namespace;
}
