using Deployments.Model;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>
/// The namespace the current caller is confined to, for the whole of its request. Set once at the edge
/// from the caller's credentials, and checked where documents are read and written
/// (<see cref="Storage.DocumentTable"/>), so whatever a request names, by id in the route, in its body or
/// through another resource, is judged by the namespace it really is in, not by what the caller says.
/// Work with no caller (orchestrations, activities, signed webhooks, an all-namespaces key) is unconfined.
/// </summary>
public static class CallerScope
{
    private static readonly AsyncLocal<string?> Confined = new();

    /// <summary>The one namespace the caller may reach; null when it may reach every namespace.</summary>
    public static string? Namespace => Confined.Value;

    /// <summary>Confines the current flow (and what it awaits) to <paramref name="namespace"/> until disposed; null confines nothing.</summary>
    public static IDisposable Enter(string? @namespace)
    {
        var outer = Confined.Value;
        Confined.Value = @namespace;
        return new Exit(outer);
    }

    /// <summary>Whether the caller may reach the namespace: always, when it is not confined to one.</summary>
    public static bool Admits(string @namespace) => Confined.Value is not { } scope || scope == @namespace;

    /// <summary>
    /// The namespace a request acts in when it names none: the caller's own when it is confined to one (a
    /// scoped token means its namespace), else <see cref="Names.DefaultNamespace"/>.
    /// </summary>
    public static string NamespaceOr(string? named) => named ?? Confined.Value ?? Names.DefaultNamespace;

    /// <summary>Refuses a request that acts in a namespace the caller may not reach.</summary>
    public static void Demand(string @namespace)
    {
        if (Confined.Value is { } scope && scope != @namespace)
        {
            throw new OutOfScopeException(scope, @namespace);
        }
    }

    /// <summary>Refuses a document of a namespace the caller may not reach; other documents pass.</summary>
    public static void Demand<T>(T document)
    {
        if (document is INamespaced owned)
        {
            Demand(owned.Namespace);
        }
    }

    /// <summary>Whether the caller may reach the document: documents with no namespace always pass.</summary>
    public static bool Admits<T>(T document) => document is not INamespaced owned || Admits(owned.Namespace);

    private sealed class Exit(string? outer) : IDisposable
    {
        public void Dispose() => Confined.Value = outer;
    }
}
