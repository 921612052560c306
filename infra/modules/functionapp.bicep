// The function app on its own Flex Consumption plan (Linux, one app per plan). The runtime (.NET isolated
// worker, .NET 10), scale and the deployment container are set in functionAppConfig, not by app settings:
// Flex Consumption takes no FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, linuxFxVersion,
// WEBSITE_RUN_FROM_PACKAGE, alwaysOn or ftpsState. AzureWebJobsStorage is identity-based (__accountName,
// __credential, __clientId of the user-assigned identity), which the Functions host, Durable Functions
// and the app's own storage code all read.
param location string
param tags object
param appName string
param planName string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param maximumInstanceCount int
param instanceMemoryMB int
param durableAlwaysReadyInstances int

@secure()
param adminKey string

@secure()
param webhookSecret string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd deploys the `api` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: durableAlwaysReadyInstances > 0 ? [{ name: 'durable', instanceCount: durableAlwaysReadyInstances }] : []
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        // Entra ingestion with the same identity: Application Insights has local authentication off.
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'Auth__AdminKey', value: adminKey }
        { name: 'Webhooks__Secret', value: webhookSecret }
      ]
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
