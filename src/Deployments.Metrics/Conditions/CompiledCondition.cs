namespace Deployments.Metrics.Conditions;

/// <summary>A condition after parsing: either runnable, or refused with the reason <see cref="MetricCondition.Check"/> gives.</summary>
internal sealed record CompiledCondition(Func<double[], bool>? Run, string? Refusal)
{
    public static CompiledCondition Refused(string reason) => new(null, reason);
}
