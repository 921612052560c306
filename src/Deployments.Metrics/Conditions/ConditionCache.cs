using System.Collections.Concurrent;

namespace Deployments.Metrics.Conditions;

/// <summary>
/// Compiled conditions by their text: compiling builds a dynamic method, far dearer than running one, and the same
/// few conditions are evaluated at every measurement of every analysis.
/// </summary>
/// <remarks>
/// Bounded by emptying it when full: templates hold a handful of distinct conditions, so reaching the bound means
/// something generates them, and starting over is cheaper than tracking use for an eviction order.
/// </remarks>
internal static class ConditionCache
{
    public const int Capacity = 512;

    private static readonly ConcurrentDictionary<string, CompiledCondition> Compiled = new(StringComparer.Ordinal);

    public static int Count => Compiled.Count;

    public static CompiledCondition Get(string expression)
    {
        if (Compiled.TryGetValue(expression, out var known))
        {
            return known;
        }

        if (Compiled.Count >= Capacity)
        {
            Compiled.Clear();
        }

        return Compiled.GetOrAdd(expression, ConditionCompiler.Compile);
    }
}
