// One account for everything: the engine's history/instances tables, control and work-item queues and
// large-message blobs, the domain's tables, and the Functions host's own blobs. Keys are disabled, so the
// only way in is an Entra identity with a data role (see storage-access.bicep).
param location string
param tags object
param accountName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
  }

  resource queues 'queueServices' = {
    name: 'default'
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

output accountName string = account.name
