using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>
/// Finds keys of host.json's <c>extensions.durableTask</c> section that the Durable extension never reads.
/// </summary>
/// <remarks>
/// The extension binds the section onto <see cref="DurableTaskOptions"/> with the configuration binder and copies
/// its <c>storageProvider</c> dictionary onto <see cref="AzureStorageOptions"/> with Json.NET's PopulateObject.
/// Both match names case-insensitively and skip unknown names without a word, so a misspelt or retired setting
/// looks applied while the default runs. The valid names come from those types by reflection, so the check
/// follows whatever extension version these tests load.
/// </remarks>
internal static class DurableTaskSectionCheck
{
    public const string SectionPath = "extensions.durableTask";

    /// <summary>Read from the dictionary by the extension itself, to pick the storage provider.</summary>
    private const string ProviderTypeKey = "type";

    /// <summary>The dotted paths of every key the extension does not read, in document order.</summary>
    public static IReadOnlyList<string> UnknownKeys(JsonObject durableTaskSection)
    {
        var unknown = new List<string>();
        CheckBoundSection(durableTaskSection, typeof(DurableTaskOptions), SectionPath, unknown);
        return unknown;
    }

    /// <summary>The names the configuration binder sets on <paramref name="optionsType"/>.</summary>
    public static IReadOnlyList<string> BoundNames(Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetMethod?.IsPublic == true && property.GetIndexParameters().Length == 0)
            .Select(property => property.Name)
            .ToList();

    /// <summary>The names a <c>storageProvider</c> entry may have for the Azure Storage provider.</summary>
    public static IReadOnlyList<string> StorageProviderNames() =>
        typeof(AzureStorageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod?.IsPublic == true && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(property => property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name)
            .Append(ProviderTypeKey)
            .ToList();

    private static void CheckBoundSection(JsonObject section, Type optionsType, string path, List<string> unknown)
    {
        foreach (var (key, value) in section)
        {
            var keyPath = $"{path}.{key}";
            var property = optionsType.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !BoundNames(optionsType).Contains(property.Name))
            {
                unknown.Add(keyPath);
            }
            else if (optionsType == typeof(DurableTaskOptions) && property.Name == nameof(DurableTaskOptions.StorageProvider))
            {
                if (value is JsonObject storageProvider)
                {
                    CheckNames(storageProvider, StorageProviderNames(), keyPath, unknown);
                }
            }
            else if (value is JsonObject child && IsBoundMemberByMember(property.PropertyType))
            {
                CheckBoundSection(child, property.PropertyType, keyPath, unknown);
            }
        }
    }

    private static void CheckNames(JsonObject section, IReadOnlyList<string> names, string path, List<string> unknown) =>
        unknown.AddRange(section
            .Where(pair => !names.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            .Select(pair => $"{path}.{pair.Key}"));

    // Objects the binder fills property by property; a dictionary takes any key, so it is not checked.
    private static bool IsBoundMemberByMember(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
