global using System.Net;
global using Microsoft.Playwright;
global using TestSupport.Server;
global using Xunit;
global using static Microsoft.Playwright.Assertions;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
[assembly: AssemblyFixture(typeof(Deployments.Dashboard.Tests.Infrastructure.Browser))]
