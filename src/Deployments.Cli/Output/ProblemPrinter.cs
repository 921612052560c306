using Deployments.Cli.Http;

namespace Deployments.Cli.Output;

/// <summary>A refused request as people read it: the problem's title and status, its detail, then one line per field error.</summary>
internal static class ProblemPrinter
{
    public static void Write(TextWriter error, ApiProblemException problem)
    {
        error.WriteLine($"Error: {problem.Title} (HTTP {(int)problem.Status})");
        if (!string.IsNullOrWhiteSpace(problem.Detail) && problem.Detail != problem.Title)
        {
            error.WriteLine($"  {problem.Detail}");
        }

        foreach (var (field, message) in problem.FieldErrors)
        {
            error.WriteLine($"  {field}: {message}");
        }
    }
}
