using System.Text.Json;
using System.Text.Json.Serialization;
using Deployments.Cli.Http;

namespace Deployments.Cli.Watch;

/// <summary>
/// A deployment's analysis runs as <c>GET /api/deployments/{id}/analysis</c> answers them, read into a model of
/// the CLI's own (phases and kinds as the strings they arrive as), like <see cref="WatchedDeployment"/>.
/// </summary>
internal sealed record AnalysisState(Guid DeploymentId, List<AnalysisRunState>? Runs)
{
    // Prometheus answers NaN and the infinities, which JSON can only carry as strings.
    private static readonly JsonSerializerOptions Reading = new(CliJson.Options)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static AnalysisState From(ApiResult read) => From(read.Body);

    public static AnalysisState From(string json) =>
        JsonSerializer.Deserialize<AnalysisState>(json, Reading) ?? throw new JsonException("The API answered with an empty analysis.");
}

/// <summary>One run: a step's gate ("step-1") or the background analysis, with its verdict once it has one.</summary>
internal sealed record AnalysisRunState(
    string Id,
    string Kind,
    int? Step,
    List<string>? Templates,
    string Phase,
    string? Message,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    List<AnalysisMetricState>? Metrics);

/// <summary>A metric of a run: what it asks, the conditions that judge it, and its measurements so far.</summary>
internal sealed record AnalysisMetricState(
    string Name,
    string Provider,
    string? Query,
    string? SuccessCondition,
    string? FailureCondition,
    string? Interval,
    int? Count,
    int FailureLimit,
    int InconclusiveLimit,
    int ConsecutiveErrorLimit,
    string Phase,
    List<MeasurementState>? Measurements);

/// <summary>One measurement: what the provider answered and how it was judged.</summary>
internal sealed record MeasurementState(int Sequence, DateTimeOffset At, List<double>? Value, string Phase, string? Error);
