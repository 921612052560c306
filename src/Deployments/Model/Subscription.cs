namespace Deployments.Model;

/// <summary>A URL that receives every deployment status change of a namespace as a signed CloudEvent.</summary>
public sealed record Subscription(Guid Id, string Namespace, Uri Url, string Secret, DateTimeOffset CreatedAt) : INamespaced;
