using System.Text.RegularExpressions;
using Deployments.Refusals;

namespace Deployments.Rules;

/// <summary>
/// Names of clusters, apps, environments, pipelines, groups and namespaces: lower-case DNS labels, so they
/// are safe as table keys, in URLs and in the names a driver gives to what it runs.
/// </summary>
public static partial class Names
{
    /// <summary>The namespace of a request that names none and whose caller is not confined to one.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>What a valid name is, as a validation message says it.</summary>
    public const string Rule = "must be 1-63 lower-case letters, digits or dashes, starting with a letter";

    /// <summary>Whether <paramref name="name"/> follows <see cref="Rule"/>; null and empty never do.</summary>
    public static bool IsValid(string? name) => !string.IsNullOrEmpty(name) && Pattern().IsMatch(name);

    /// <summary>Adds an error naming <paramref name="field"/> when the name is missing or malformed.</summary>
    public static void Require(ICollection<ValidationError> errors, string field, string? name)
    {
        if (!IsValid(name))
        {
            errors.Add(new(field, Rule));
        }
    }

    /// <summary>Like <see cref="Require"/>, for a name that may be left out.</summary>
    public static void Optional(ICollection<ValidationError> errors, string field, string? name)
    {
        if (name is not null)
        {
            Require(errors, field, name);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
