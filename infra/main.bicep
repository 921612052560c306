// The control plane on Azure: a resource group holding the storage account (tables, queues, blobs) that the
// durable engine, the domain and the Functions host share, the function app running the custom handler,
// and Application Insights. Storage is reached only by the app's managed identity: shared keys are off.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@secure()
@description('The admin key (Auth:AdminKey). Generated when not given; read it back from the app settings.')
param adminKey string = newGuid()

@secure()
@description('The secret pipelines sign webhooks with (Webhooks:Secret).')
param webhookSecret string = newGuid()

@description('The function app plan: an Elastic Premium SKU, so the scale controller can scale on queue length.')
param planSku string = 'EP1'

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
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

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    location: location
    tags: tags
    accountName: 'st${token}'
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: group
  params: {
    location: location
    tags: tags
    appName: 'func-${token}'
    planName: 'plan-${token}'
    planSku: planSku
    storageAccountName: storage.outputs.accountName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    adminKey: adminKey
    webhookSecret: webhookSecret
  }
}

module access 'modules/storage-access.bicep' = {
  name: 'storage-access'
  scope: group
  params: {
    storageAccountName: storage.outputs.accountName
    principalId: app.outputs.principalId
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.name
output SERVICE_API_ENDPOINT string = app.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.accountName
