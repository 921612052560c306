using Azure.Core;
using Azure.Identity;

namespace Deployments.Platform;

/// <summary>The app's managed identity as Azure Functions settings name it: a user-assigned one by client id, else the system-assigned one.</summary>
public static class ManagedIdentities
{
    /// <summary>
    /// The credential of the user-assigned identity whose client id is <paramref name="clientId"/>, or of the
    /// system-assigned one when it is null (the setting is absent). It works only on Azure, where the identity exists.
    /// </summary>
    public static TokenCredential Credential(string? clientId) =>
        new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
