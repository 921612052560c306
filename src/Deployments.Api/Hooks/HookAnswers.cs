namespace Deployments.Api.Hooks;

/// <summary>The answer to GitHub's ping event, sent when a webhook is set up.</summary>
internal sealed record HookPong(string Msg);

/// <summary>An event that starts nothing, and why.</summary>
internal sealed record HookIgnored(string Ignored, string Reason);
