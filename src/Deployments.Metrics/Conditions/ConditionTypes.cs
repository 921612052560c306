namespace Deployments.Metrics.Conditions;

/// <summary>The value types a condition computes with: numbers and booleans, nothing that has members to reach through.</summary>
internal static class ConditionTypes
{
    private static readonly HashSet<Type> Numeric =
    [
        typeof(double), typeof(float), typeof(decimal), typeof(int), typeof(long), typeof(short), typeof(byte),
        typeof(sbyte), typeof(uint), typeof(ulong), typeof(ushort),
    ];

    public static bool IsNumeric(Type type) => Numeric.Contains(type);

    public static bool IsValue(Type type) => type == typeof(bool) || IsNumeric(type);

    /// <summary>The type's name as C# spells it, for messages.</summary>
    public static string Name(Type type) => type == typeof(bool) ? "bool" : type == typeof(double) ? "double" : type.Name;
}
