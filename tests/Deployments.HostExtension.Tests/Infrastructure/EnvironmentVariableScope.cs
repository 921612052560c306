namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>Sets (or removes) a process environment variable until disposed, then puts back what was there.</summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    private EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public static EnvironmentVariableScope Unset(string name) => new(name, null);

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
