// The control plane on Azure: a resource group holding the storage account (tables, queues, blobs) that
// Durable Functions, the domain and the Functions host share, plus the container the app's package is
// deployed to; a .NET isolated worker function app on a Flex Consumption plan; Application Insights; and
// the user-assigned identity the app uses for all of them. Storage takes no shared keys and Application
// Insights no instrumentation-key ingestion: the identity, with a data role on each, is the only way in.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string

@secure()
@minLength(16)
@description('The admin key (Auth:AdminKey). main.parameters.json reads it from AUTH_ADMIN_KEY; when that is unset a new one is generated on every provision.')
param adminKey string = newGuid()

@secure()
@description('The secret pipelines sign webhooks with (Webhooks:Secret). main.parameters.json reads it from WEBHOOKS_SECRET; when that is unset a new one is generated on every provision.')
param webhookSecret string = newGuid()

@minValue(40)
@maxValue(1000)
@description('The most instances the app scales out to (Flex Consumption accepts 40 to 1000).')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(0)
@description('Instances kept running for the orchestration and activity functions (the "durable" scale group); Microsoft recommends 1 for Durable Functions on Flex Consumption. 0 scales to zero and saves the always-ready charge.')
param durableAlwaysReadyInstances int = 1

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'app-package'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    location: location
    tags: tags
    identityName: 'id-${token}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
  }
}

module monitoringAccess 'modules/monitoring-access.bicep' = {
  name: 'monitoring-access'
  scope: group
  params: {
    applicationInsightsName: monitoring.outputs.name
    principalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    location: location
    tags: tags
    accountName: 'st${token}'
    deploymentContainerName: deploymentContainerName
  }
}

module storageAccess 'modules/storage-access.bicep' = {
  name: 'storage-access'
  scope: group
  params: {
    storageAccountName: storage.outputs.accountName
    principalId: identity.outputs.principalId
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  // The identity's roles exist before the app first starts and before the first package is deployed.
  dependsOn: [storageAccess, monitoringAccess]
  params: {
    location: location
    tags: tags
    appName: 'func-${token}'
    planName: 'plan-${token}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.accountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    adminKey: adminKey
    webhookSecret: webhookSecret
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output SERVICE_API_NAME string = app.outputs.name
output SERVICE_API_ENDPOINT string = app.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.accountName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
