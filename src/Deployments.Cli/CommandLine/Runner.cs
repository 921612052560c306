using System.CommandLine;
using Deployments.Cli.Connection;
using Deployments.Cli.Http;
using Deployments.Cli.Output;

namespace Deployments.Cli.CommandLine;

/// <summary>Binds a command to its action, and turns whatever goes wrong into one clear message on stderr and an exit code.</summary>
internal sealed class Runner(CliEnvironment environment, GlobalOptions globals)
{
    public Command Bind(Command command, Func<Invocation, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(parse, environment, globals, cancellationToken);
            try
            {
                return await action(invocation);
            }
            catch (ApiProblemException problem)
            {
                ProblemPrinter.Write(environment.Error, problem);
                return ExitCodes.Error;
            }
            catch (ApiUnreachableException unreachable)
            {
                environment.Error.WriteLine($"Error: {unreachable.Message}");
                return ExitCodes.Error;
            }
            catch (ConnectionException connection)
            {
                environment.Error.WriteLine($"Error: {connection.Message}");
                return ExitCodes.Error;
            }
            catch (UsageException usage)
            {
                environment.Error.WriteLine($"Error: {usage.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    public Command Bind(Command command, Func<Invocation, Task> action) => Bind(command, async invocation =>
    {
        await action(invocation);
        return ExitCodes.Success;
    });
}

/// <summary>A value the parser accepted but the command cannot use (an app name that matches nothing, two exclusive options).</summary>
internal sealed class UsageException(string message) : Exception(message);
