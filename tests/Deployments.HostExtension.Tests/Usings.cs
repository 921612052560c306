global using Xunit;

[assembly: AssemblyFixture(typeof(TestSupport.AzuriteFixture))]
