// Log Analytics for the Container Apps environment's logs, and workspace-based Application Insights, which every
// service exports to when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
param token string
param location string
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-ercot-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-ercot-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output logAnalyticsWorkspaceName string = workspace.name
output applicationInsightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
