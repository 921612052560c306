using System.Text.Json.Nodes;

namespace Deployments.Server.Tests.BadInput;

/// <summary>
/// An endpoint that takes a body, with a body of the right shape to mutate, and what the mutations need to
/// know that JSON cannot say: which objects are maps (where any key is allowed), which strings are enums,
/// which fields must be present, and where a null is not a value.
/// </summary>
public sealed record BodyEndpoint(HttpMethod Method, string Path, JsonObject Template)
{
    public IReadOnlySet<string> Maps { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Enums { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> NeverNull { get; init; } = new HashSet<string>();

    /// <summary>The path with its uuid route value replaced by something that is not a uuid; null when the route has none.</summary>
    public string? PathWithBadId { get; init; }

    public override string ToString() => $"{Method} {Path}";
}
