global using System.Net;
global using System.Text.Json;
global using Deployments.Functions.Tests.Infrastructure;
global using Xunit;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
