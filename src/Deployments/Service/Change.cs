namespace Deployments.Service;

/// <summary>
/// A new value for a field that may also be cleared: an update carries <c>Change&lt;T&gt;?</c>, where
/// null leaves the field alone and a change to null clears it (JSON merge-patch semantics).
/// </summary>
public readonly record struct Change<T>(T Value);
