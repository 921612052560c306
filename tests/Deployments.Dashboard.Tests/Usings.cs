global using System.Net;
global using System.Text.Json;
global using Deployments.Server.Tests.Infrastructure;
global using Microsoft.Playwright;
global using Xunit;
global using static Microsoft.Playwright.Assertions;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
[assembly: AssemblyFixture(typeof(Deployments.Dashboard.Tests.Infrastructure.Browser))]
