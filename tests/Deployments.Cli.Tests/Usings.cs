global using System.Text.Json;
global using Deployments.Cli.Tests.Infrastructure;
global using TestSupport.Server;
global using Xunit;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
