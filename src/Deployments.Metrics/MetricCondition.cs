using System.Globalization;
using Deployments.Metrics.Conditions;

namespace Deployments.Metrics;

/// <summary>
/// A success or failure condition: a sandboxed expression over <c>result</c> (the reading's values as a
/// <c>double[]</c>), e.g. <c>result[0] &lt; 0.05</c>.
/// </summary>
/// <remarks>
/// Conditions are parsed by DynamicExpresso rather than NCalc: DynamicExpresso reads C# syntax with real array
/// indexers, so <c>result[0]</c> means the first value (NCalc reads <c>[x]</c> as a parameter name), and it
/// produces typed LINQ expression trees, which the sandbox walks node by node before anything runs.
/// </remarks>
public static class MetricCondition
{
    /// <summary>How long one evaluation may run. The whitelist has no loops, so only a broken runtime gets near it.</summary>
    internal static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);

    /// <summary>Why <paramref name="expression"/> cannot be a condition (syntax, not boolean, member access beyond result, too long); null when it can.</summary>
    public static string? Check(string expression) => ConditionCompiler.Parse(expression).Refusal;

    /// <summary>Evaluates the condition; throws <see cref="MetricConditionException"/> when it cannot (index out of range, time limit).</summary>
    public static bool Evaluate(string expression, IReadOnlyList<double> result)
    {
        var condition = ConditionCache.Get(expression);
        if (condition.Run is null)
        {
            throw new MetricConditionException($"The condition '{Shorten(expression)}' {condition.Refusal}.");
        }

        var values = result.ToArray();
        // A thread of its own rather than the pool's: a busy pool would make a condition wait for a thread and
        // count that wait against its limit. Past the limit the caller moves on and the thread is left to finish.
        var run = Task.Factory.StartNew(() => condition.Run(values), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!run.Wait(TimeLimit))
            {
                throw new MetricConditionException(
                    string.Create(CultureInfo.InvariantCulture, $"The condition '{Shorten(expression)}' took longer than {TimeLimit.TotalSeconds} s."));
            }
        }
        catch (AggregateException failed) when (failed.InnerException is MetricConditionException known)
        {
            throw new MetricConditionException(known.Message, known);
        }
        catch (AggregateException failed) when (failed.InnerException is ArithmeticException or IndexOutOfRangeException)
        {
            throw new MetricConditionException(
                $"The condition '{Shorten(expression)}' could not be evaluated: {failed.InnerException.Message}", failed.InnerException);
        }

        return run.Result;
    }

    /// <summary>Keeps a message readable when a long condition fails; the caller knows the whole text.</summary>
    private static string Shorten(string expression) => expression.Length <= 100 ? expression : expression[..100] + "…";
}
