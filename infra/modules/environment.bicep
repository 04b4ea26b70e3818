// The Container Apps environment: the Consumption profile for the gateway, inference and features, and a
// serverless GPU profile for Training. Workload profile names must be short; the GPU one is 'gpu'.
param name string
param location string
param tags object
param logAnalyticsWorkspaceName string
param gpuProfileType string

var gpuProfileName = 'gpu'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuProfileName
        workloadProfileType: gpuProfileType
      }
    ]
  }
}

output id string = environment.id
output defaultDomain string = environment.properties.defaultDomain
output gpuProfileName string = gpuProfileName
