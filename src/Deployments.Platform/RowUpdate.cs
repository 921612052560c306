using Azure.Data.Tables;

namespace Deployments.Platform;

/// <summary>What an update decided from the row it read: the writes to make (none: leave it) and what to answer once they landed.</summary>
/// <param name="Result">The caller's answer.</param>
/// <param name="Writes">The guarded writes, to one partition; several are made as one transaction.</param>
public sealed record RowUpdate<TResult>(TResult Result, IReadOnlyList<TableTransactionAction> Writes);

/// <summary>Builds <see cref="RowUpdate{TResult}"/>s without spelling the result type.</summary>
public static class RowUpdate
{
    /// <summary>Nothing to write: answer <paramref name="result"/>.</summary>
    public static RowUpdate<TResult> Unchanged<TResult>(TResult result) => new(result, []);

    /// <summary>Make <paramref name="writes"/>, then answer <paramref name="result"/>.</summary>
    public static RowUpdate<TResult> Write<TResult>(TResult result, params TableTransactionAction[] writes) => new(result, writes);
}
