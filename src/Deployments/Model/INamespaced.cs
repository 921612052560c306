namespace Deployments.Model;

/// <summary>A document that belongs to one namespace: what a caller scoped to a namespace is checked against.</summary>
internal interface INamespaced
{
    string Namespace { get; }
}
