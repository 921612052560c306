namespace Deployments.Drivers;

/// <summary>
/// A driver this host deliberately does not run, with the reason a user is told: a cluster definition may
/// name it (it is a real driver elsewhere), but nothing here may deploy through it.
/// </summary>
/// <param name="Name">The driver's name, as clusters select it.</param>
/// <param name="Reason">What a refused request reports; it should say what to use instead.</param>
public sealed record UnavailableTargetDriver(string Name, string Reason);
