namespace Deployments.Refusals;

/// <summary>A guarded write lost to a concurrent one (or the key already exists); nothing was written.</summary>
internal sealed class DocumentConflictException(string message, Exception inner)
    : RequestRefusedException(Refusal.Conflict, "Concurrent change", message, innerException: inner);

/// <summary>A document over the size a table row can hold.</summary>
internal sealed class DocumentTooLargeException(int length, int limit)
    : RequestRefusedException(Refusal.TooLarge, "Too large to store", $"The document is {length} characters; at most {limit} can be stored.")
{
    public int Length { get; } = length;
}
