namespace TestSupport;

/// <summary>CI sets <c>CI</c>: there a missing tool fails the run instead of skipping the tests that need it.</summary>
public static class CiEnvironment
{
    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
