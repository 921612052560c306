using System.Diagnostics.CodeAnalysis;
using DevStorage;
using Xunit;

namespace TestSupport;

/// <summary>
/// One in-memory Azurite per test assembly, on dynamic ports.
/// </summary>
/// <remarks>
/// Use as an assembly fixture (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>) and take
/// it in test class constructors. One emulator per assembly keeps start-up cost to a single launch;
/// dynamic ports let several test assemblies (and a developer's own Azurite) run side by side; tests
/// isolate themselves with <see cref="NewHubName"/>.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private string? _skipReason;

    /// <summary>
    /// The emulator's connection string; marks the calling test skipped if Azurite is not installed here.
    /// </summary>
    public string ConnectionString
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _azurite?.ConnectionString
                ?? throw new InvalidOperationException("The Azurite fixture has not been initialised.");
        }
    }

    /// <inheritdoc cref="HubNames.New"/>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Tests reach it through their injected fixture.")]
    public string NewHubName(string? prefix = null) => HubNames.New(prefix);

    public async ValueTask InitializeAsync()
    {
        try
        {
            _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        }
        catch (AzuriteNotInstalledException ex) when (!CiEnvironment.IsCi)
        {
            // A developer without Node.js or node_modules still gets a green run of everything else;
            // CI must never silently skip the storage tests, hence the filter.
            _skipReason = "Azurite is not available, so this storage test is skipped: " + ex.Message;
        }
        catch (AzuriteNotInstalledException ex)
        {
            throw new InvalidOperationException(
                "Azurite is required on CI (the CI environment variable is set) but is not available: " + ex.Message,
                ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
