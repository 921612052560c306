namespace Deployments.Metrics;

/// <summary>A provider could not produce a value: unreachable, refused, timed out, or answered something that is not a number.</summary>
public sealed class MetricProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetricProviderException()
    {
    }

    /// <summary>Creates the exception with a message that says what went wrong and where.</summary>
    public MetricProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public MetricProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
