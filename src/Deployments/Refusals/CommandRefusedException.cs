namespace Deployments.Refusals;

/// <summary>The command is valid but the current state refuses it, saying why.</summary>
public sealed class CommandRefusedException(string reason)
    : RequestRefusedException(Refusal.Conflict, "The current state refuses this command", reason);

/// <summary>The request is well-formed but names something that cannot be used.</summary>
public sealed class UnprocessableException(string field, string reason)
    : RequestRefusedException(Refusal.Unprocessable, "The request cannot be used", reason, field);
