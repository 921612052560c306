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

// Only regions that offer the Flex Consumption plan. The list is the one Microsoft's own azd quick start for
// .NET on Flex Consumption allows (Azure-Samples/functions-quickstart-dotnet-azd, infra/main.bicep, last changed
// May 2025 and still current with its .NET 10 update), without its early-access eastus2euap. Microsoft's docs
// give no fixed list: `az functionapp list-flexconsumption-locations` is the live answer, so add a region here
// when it shows one that is missing. azd offers exactly these in its location prompt.
@minLength(1)
@description('Azure region for every resource; one that offers the Flex Consumption plan.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({ azd: { type: 'location' } })
param location string

// The admin key and the webhook secret must survive every later `azd provision`: clients, CI pipelines and
// GitHub hold them. A Bicep default such as newGuid() would make a new one on each deployment, so neither has a
// default. azd's documented `generate` metadata makes azd create each value once, at the first provision, and
// save it in the azd environment (.azure/<env>/config.json, as infra.parameters.adminKey / webhookSecret, the
// value itself in azd's local secret vault), where every later provision of that environment reads it back.
// AUTH_ADMIN_KEY / WEBHOOKS_SECRET (main.parameters.json), when set with `azd env set`, win over the saved value:
// that is how to choose or rotate one, or share one across machines. This keeps the template to what azd
// documents, without a Key Vault whose secrets the deploying user would need a data role to read back.
@secure()
@minLength(16)
@description('The admin key (Auth:AdminKey). AUTH_ADMIN_KEY when set; else generated once by azd and kept in the azd environment.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param adminKey string

@secure()
@minLength(16)
@description('The secret pipelines sign webhooks with (Webhooks:Secret). WEBHOOKS_SECRET when set; else generated once by azd and kept in the azd environment.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param webhookSecret string

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
