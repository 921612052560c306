using Deployments.Cli;

return await DeployCtl.RunAsync(args, CliEnvironment.FromProcess());
