using System.CommandLine;
using System.Net;
using Deployments.Cli.CommandLine;
using Deployments.Cli.Connection;
using Deployments.Cli.Http;
using Spectre.Console;

namespace Deployments.Cli.Commands;

/// <summary>deployctl login / logout: named connections saved in an owner-only file; the key is checked, stored, and never printed.</summary>
internal static class LoginCommands
{
    public const string DefaultProfile = "default";

    public static Command Login(Runner runner)
    {
        var command = Describe.Command("login", "Check a URL and key against the control plane and save them as a profile (the key is prompted for when not given).",
            "deployctl login --profile local --url http://localhost:7071");
        return runner.Bind(command, async invocation =>
        {
            var environment = invocation.Environment;
            var name = invocation.GlobalProfile ?? DefaultProfile;
            var url = ConnectionResolver.ParseUrl(invocation.GlobalUrl ?? environment.Variable("DEPLOYCTL_URL") ?? ConnectionResolver.DefaultUrl);
            var key = invocation.GlobalKey ?? environment.Variable("DEPLOYCTL_KEY")
                ?? (environment.Interactive
                    ? await environment.Out.PromptAsync(new TextPrompt<string>("Key:").Secret(), invocation.CancellationToken)
                    : throw new UsageException("No key: pass --key, set DEPLOYCTL_KEY, or run login on a terminal to be asked for it."));

            using (var client = new ControlPlaneClient(new ConnectionSettings(url, key), environment.Time))
            {
                try
                {
                    await client.GetAsync("api/deployments?page_size=1", invocation.CancellationToken);
                }
                catch (ApiProblemException problem) when (problem.Status == HttpStatusCode.Forbidden)
                {
                    // A token scoped to another namespace may not list the default one; the key itself is valid.
                }
            }

            var store = new ProfileStore(environment.ProfilesPath);
            var profiles = store.Load();
            profiles.Profiles[name] = new Connection.Profile(url.ToString().TrimEnd('/'), key);
            store.Save(profiles with { Current = name });
            invocation.Print.Raw($"Logged in to {url.ToString().TrimEnd('/')} as profile '{name}' (now the default); the key is saved in {store.Path}, readable by you only.");
            return ExitCodes.Success;
        });
    }

    public static Command Logout(Runner runner)
    {
        var command = Describe.Command("logout", "Forget a saved profile and its key.", "deployctl logout --profile local");
        return runner.Bind(command, invocation =>
        {
            var name = invocation.GlobalProfile ?? DefaultProfile;
            var store = new ProfileStore(invocation.Environment.ProfilesPath);
            var profiles = store.Load();
            if (!profiles.Profiles.Remove(name))
            {
                throw new UsageException($"No profile '{name}' in {store.Path}.");
            }

            store.Save(profiles with { Current = profiles.Current == name ? null : profiles.Current });
            invocation.Print.Raw($"Forgot profile '{name}'.");
            return Task.CompletedTask;
        });
    }
}
