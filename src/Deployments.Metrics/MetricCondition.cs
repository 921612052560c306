namespace Deployments.Metrics;

/// <summary>
/// A success or failure condition: a sandboxed expression over <c>result</c> (the reading's values as a
/// <c>double[]</c>), e.g. <c>result[0] &lt; 0.05</c>.
/// </summary>
public static class MetricCondition
{
    /// <summary>Why <paramref name="expression"/> cannot be a condition (syntax, not boolean, member access beyond result, too long); null when it can.</summary>
    public static string? Check(string expression) => throw new NotImplementedException();

    /// <summary>Evaluates the condition; throws <see cref="MetricConditionException"/> when it cannot (index out of range, time limit).</summary>
    public static bool Evaluate(string expression, IReadOnlyList<double> result) => throw new NotImplementedException();
}

/// <summary>A condition could not be evaluated against a reading.</summary>
public sealed class MetricConditionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetricConditionException()
    {
    }

    /// <summary>Creates the exception with a message naming the condition and what went wrong.</summary>
    public MetricConditionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public MetricConditionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
