namespace Deployments.Api.Apis;

/// <summary>The secret signs every notification; it is accepted here and never returned.</summary>
internal sealed record CreateSubscriptionBody(string? Namespace = null, string? Url = null, string? Secret = null);

/// <summary>PATCH: a new URL, or a new secret (rotation); fields left out stay as they are.</summary>
internal sealed record UpdateSubscriptionBody(string? Url = null, string? Secret = null);

