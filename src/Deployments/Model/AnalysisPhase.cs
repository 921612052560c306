namespace Deployments.Model;

/// <summary>Where an analysis run, one of its metrics or one measurement stands.</summary>
public enum AnalysisPhase
{
    /// <summary>Still measuring.</summary>
    Running,

    /// <summary>The conditions say the revision is good.</summary>
    Successful,

    /// <summary>The conditions say the revision is bad.</summary>
    Failed,

    /// <summary>Neither condition held, or the provider kept failing: a human decides.</summary>
    Inconclusive,

    /// <summary>A measurement whose provider could not be read; never counted as a success.</summary>
    Error,

    /// <summary>Stopped before a verdict: the deployment was promoted, failed or cancelled meanwhile.</summary>
    Stopped,
}
