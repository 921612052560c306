namespace DevStorage;

/// <summary>
/// Azurite was launched but did not become ready: it exited early or missed the startup timeout.
/// </summary>
/// <remarks>
/// The message already contains the output tail because the usual reader is a CI log, where the
/// cause (a port in use, a bad option) is only visible in what Azurite printed.
/// </remarks>
public sealed class AzuriteStartException : Exception
{
    /// <summary>The conventional constructors (CA1032) carry no output; the launcher uses the one that does.</summary>
    public AzuriteStartException()
    {
        Output = string.Empty;
    }

    /// <inheritdoc cref="AzuriteStartException()"/>
    public AzuriteStartException(string message)
        : base(message)
    {
        Output = string.Empty;
    }

    /// <inheritdoc cref="AzuriteStartException()"/>
    public AzuriteStartException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = string.Empty;
    }

    /// <summary>The message gets <paramref name="output"/> appended, or a note that Azurite printed nothing.</summary>
    /// <param name="message">What went wrong, e.g. the exit code or the timeout missed.</param>
    /// <param name="output">The tail of Azurite's output; empty when it printed nothing.</param>
    public AzuriteStartException(string message, string output)
        : base(ComposeMessage(message, output))
    {
        Output = output;
    }

    /// <summary>The last lines Azurite wrote to stdout and stderr before the failure.</summary>
    public string Output { get; }

    private static string ComposeMessage(string message, string output) =>
        output.Length == 0
            ? message + " Azurite printed nothing."
            : message + Environment.NewLine + "Azurite output (tail):" + Environment.NewLine + output;
}
