using Azure.Core;
using Azure.Identity;

namespace Deployments.Platform;

/// <summary>The app's managed identity as Azure Functions settings name it: a user-assigned one by client id, else the system-assigned one.</summary>
public static class ManagedIdentities
{
    public static TokenCredential Credential(string? clientId) =>
        new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
