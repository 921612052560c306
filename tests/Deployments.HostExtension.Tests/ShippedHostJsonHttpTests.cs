using Deployments.HostExtension.Tests.Infrastructure;
using Microsoft.Azure.WebJobs.Extensions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Deployments.HostExtension.Tests;

/// <summary>
/// The shipped host.json's <c>extensions.http</c> section as the Functions host's own HTTP extension binds it: the seed
/// APIs sit at root paths, so the host must put no route prefix before any function's route.
/// </summary>
public sealed class ShippedHostJsonHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public void ShippedHostJson_TurnsTheHttpExtensionsRoutePrefixOff()
    {
        using var host = new HostBuilder()
            .ConfigureWebJobs(webJobs => webJobs.AddHttp())
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(FunctionsHostSettings.For(HostJson.Shipped(), azurite.ConnectionString)))
            .Build();

        var options = host.Services.GetRequiredService<IOptions<HttpOptions>>().Value;

        // The extension's own default is "api": only a setting it read can make it empty.
        Assert.Equal(string.Empty, options.RoutePrefix);
    }
}
