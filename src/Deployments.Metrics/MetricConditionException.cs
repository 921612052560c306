namespace Deployments.Metrics;

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
