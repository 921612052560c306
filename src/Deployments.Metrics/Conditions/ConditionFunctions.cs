using System.Reflection;

namespace Deployments.Metrics.Conditions;

/// <summary>The only methods a condition may call: pure arithmetic on numbers, no state, no I/O, nothing that loops.</summary>
internal static class ConditionFunctions
{
    /// <summary>How the refusal message lists them.</summary>
    public const string Listed = "Math.Abs, Math.Min, Math.Max, Math.Round, Math.Floor, Math.Ceiling, double.IsNaN and double.IsInfinity";

    private static readonly HashSet<string> MathMethods = new(StringComparer.Ordinal) { "Abs", "Min", "Max", "Round", "Floor", "Ceiling" };

    private static readonly HashSet<string> DoubleMethods = new(StringComparer.Ordinal) { "IsNaN", "IsInfinity" };

    /// <summary>
    /// Whether <paramref name="method"/> is one of the listed functions taking and returning only numbers (or a
    /// boolean): <c>Math.Round(x, MidpointRounding)</c> stays out with every overload that takes anything else.
    /// </summary>
    public static bool Allows(MethodInfo method)
    {
        var listed = method.IsStatic
            && ((method.DeclaringType == typeof(Math) && MathMethods.Contains(method.Name))
                || (method.DeclaringType == typeof(double) && DoubleMethods.Contains(method.Name)));
        return listed
            && ConditionTypes.IsValue(method.ReturnType)
            && method.GetParameters().All(parameter => ConditionTypes.IsNumeric(parameter.ParameterType));
    }
}
