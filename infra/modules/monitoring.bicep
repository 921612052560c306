// Application Insights on a Log Analytics workspace: the Functions host's and the worker's logs, requests,
// dependencies and traces. Local (instrumentation-key) ingestion is off: the host and the worker send with
// the app's identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), which monitoring-access.bicep allows.
param location string
param tags object
param workspaceName string
param applicationInsightsName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output name string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
