namespace Deployments.Service;

/// <summary>The command is valid but the current state refuses it (the API answers 409 with the reason).</summary>
public sealed class CommandRefusedException(string reason) : Exception(reason);

/// <summary>The request is well-formed but names something that cannot be used (the API answers 422).</summary>
public sealed class UnprocessableException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;
}
