namespace Deployments.Cli;

/// <summary>deployctl's exit codes, so a CI step can gate on a rollout's outcome (documented in docs/cli.md and in --help).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; a followed rollout ended successful.</summary>
    public const int Success = 0;

    /// <summary>The API refused the request, could not be reached, or no connection is configured.</summary>
    public const int Error = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument, malformed value).</summary>
    public const int Usage = 2;

    /// <summary>A followed rollout ended failed.</summary>
    public const int Failed = 3;

    /// <summary>A followed rollout ended cancelled (by a user, or superseded by a newer deployment).</summary>
    public const int Cancelled = 4;

    /// <summary>With --until-paused: the rollout stopped to wait for a person (manual promotion, an approval, or a pause).</summary>
    public const int WaitingForPromotion = 5;

    public const string Summary =
        "Exit codes: 0 successful, 1 request refused or unreachable, 2 usage error, 3 rollout failed, 4 rollout cancelled, 5 waiting for promotion (--until-paused).";
}
