global using System.Net;
global using System.Text.Json;
global using Deployments.Server.Tests.Infrastructure;
global using TestSupport.Server;
global using Xunit;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
