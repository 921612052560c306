namespace Deployments.Model;

/// <summary>Ordered stages of apps: promotion flows from an app of one stage to the apps of the next.</summary>
public sealed record Pipeline(Guid Id, string Name, string Namespace, IReadOnlyList<IReadOnlyList<Guid>> Stages, DateTimeOffset CreatedAt) : INamespaced;
