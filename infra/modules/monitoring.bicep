// Application Insights on a Log Analytics workspace: the Functions host and the handler's logs and traces.
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
    // The Functions host sends telemetry with the connection string; Entra-only ingestion would need extra setup.
    DisableLocalAuth: false
  }
}

output connectionString string = applicationInsights.properties.ConnectionString
