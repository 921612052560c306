namespace Deployments.Metrics.Conditions;

/// <summary>
/// Thrown by <see cref="ConditionSandbox"/> at the first node a condition may not use; it never leaves the
/// assembly: <see cref="ConditionCompiler"/> turns it into the message <see cref="MetricCondition.Check"/> returns.
/// </summary>
internal sealed class ConditionRefusedException : Exception
{
    public ConditionRefusedException()
    {
    }

    public ConditionRefusedException(string message)
        : base(message)
    {
    }

    public ConditionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
