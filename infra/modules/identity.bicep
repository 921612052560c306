// The function app's user-assigned identity. It exists before the app does, so its data roles on storage
// and Application Insights are in place when the app first starts and when the first package is deployed;
// one identity serves the host's storage, Durable Functions, the app's own storage code, the deployment
// container and telemetry ingestion.
param location string
param tags object
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
