using TestSupport;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
