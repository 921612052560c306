using Deployments.Cli.CommandLine;
using Spectre.Console;

namespace Deployments.Cli.Watch;

/// <summary>
/// Shows a deployment's changes until it ends (or, with --until-paused, waits for a person) and returns the
/// exit code of its outcome: a redrawn live view on a terminal, one line per change elsewhere, one JSON
/// document per change with -o json.
/// </summary>
internal static class FollowView
{
    private static readonly TimeSpan ClockTick = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(Invocation invocation, Guid deploymentId, bool untilPaused)
    {
        var environment = invocation.Environment;
        var changes = new DeploymentFollower(invocation.Client).ChangesAsync(deploymentId, invocation.CancellationToken);
        var print = invocation.Print;
        if (print.IsJson || !environment.Interactive)
        {
            string? previous = null;
            await foreach (var snapshot in changes)
            {
                var line = print.IsJson ? snapshot.Json : DeploymentLine.Format(snapshot, environment.Time.GetUtcNow());
                if (line != previous)
                {
                    print.Raw(line);
                    previous = line;
                }

                if (Outcome.ExitCode(snapshot.Deployment, untilPaused) is { } code)
                {
                    return code;
                }
            }

            return ExitCodes.Error;
        }

        return await LiveAsync(environment, changes, untilPaused, invocation.CancellationToken);
    }

    /// <summary>Redraws on each change, and once a second in between so elapsed time and the deadline move.</summary>
    private static async Task<int> LiveAsync(CliEnvironment environment, IAsyncEnumerable<DeploymentSnapshot> changes, bool untilPaused, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Error;
        await environment.Out.Live(new Text($"Waiting for the deployment...")).AutoClear(false).StartAsync(async live =>
        {
            await using var enumerator = changes.GetAsyncEnumerator(cancellationToken);
            var next = enumerator.MoveNextAsync().AsTask();
            DeploymentSnapshot? last = null;
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Let the read in flight end (it observes the same token) before the enumerator is disposed.
                    await next;
                    return;
                }

                var tick = Task.Delay(ClockTick, environment.Time, cancellationToken);
                if (await Task.WhenAny(next, tick) == next)
                {
                    if (!await next)
                    {
                        return;
                    }

                    last = enumerator.Current;
                    live.UpdateTarget(DeploymentFrame.Render(last, environment.Time.GetUtcNow()));
                    live.Refresh();
                    if (Outcome.ExitCode(last.Deployment, untilPaused) is { } code)
                    {
                        exitCode = code;
                        return;
                    }

                    next = enumerator.MoveNextAsync().AsTask();
                }
                else if (last is not null)
                {
                    live.UpdateTarget(DeploymentFrame.Render(last, environment.Time.GetUtcNow()));
                    live.Refresh();
                }
            }
        });
        return exitCode;
    }
}
