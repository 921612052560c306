using Microsoft.Azure.WebJobs;

namespace Deployments.HostExtension.Tests.Infrastructure;

/// <summary>Tells the WebJobs host which classes hold functions, instead of it scanning every loaded assembly.</summary>
internal sealed class ExplicitTypeLocator(params Type[] types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
