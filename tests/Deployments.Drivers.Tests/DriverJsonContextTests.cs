using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Drivers.Processes;
using Deployments.Drivers.Webhooks;
using Deployments.Serialization;

namespace Deployments.Drivers.Tests;

/// <summary>
/// The drivers' source-generated context takes its options from an attribute, which cannot name
/// <see cref="SnakeCaseJson.Options"/>; these checks keep the two from drifting apart.
/// </summary>
public sealed class DriverJsonContextTests
{
    private static readonly JsonSerializerOptions Shared = SnakeCaseJson.Options;
    private static readonly JsonSerializerOptions Generated = DriverJsonContext.Default.Options;

    [Fact]
    public void Names_properties_and_dictionary_keys_as_the_shared_definition_does()
    {
        Assert.Same(Shared.PropertyNamingPolicy, Generated.PropertyNamingPolicy);
        Assert.Same(Shared.DictionaryKeyPolicy, Generated.DictionaryKeyPolicy);
        Assert.Equal(Shared.PropertyNameCaseInsensitive, Generated.PropertyNameCaseInsensitive);
    }

    [Fact]
    public void Leaves_out_what_the_shared_definition_leaves_out()
    {
        Assert.Equal(Shared.DefaultIgnoreCondition, Generated.DefaultIgnoreCondition);
        Assert.Equal(Shared.NumberHandling, Generated.NumberHandling);
    }

    [Fact]
    public void Converts_with_the_shared_definitions_converters_but_the_enum_one()
    {
        Assert.Equal(
            Shared.Converters.Where(c => c is not JsonStringEnumConverter).Select(c => c.GetType()),
            Generated.Converters.Select(c => c.GetType()));
    }

    [Fact]
    public void Serializes_no_enum_so_the_enum_converter_it_cannot_name_would_change_nothing()
    {
        var roots = new[] { typeof(AllocationSpec), typeof(AllocationState), typeof(PlaceResponse), typeof(ListResponse), typeof(HealthResponse) };
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || DriverJsonContext.Default.GetTypeInfo(type) is not { } info)
            {
                continue;
            }

            Assert.False((Nullable.GetUnderlyingType(type) ?? type).IsEnum, $"{type} is an enum the drivers serialize");
            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType).OfType<Type>())
            {
                pending.Enqueue(next);
            }
        }

        Assert.Contains(typeof(AllocationSpec), seen);
    }
}
