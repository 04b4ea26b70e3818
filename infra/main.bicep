// Ercot on Azure Container Apps, in the shape azd reads (azure.yaml: infra.provider bicep, path infra).
// Subscription scope: one resource group per azd environment, then every resource in modules/.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource (one with Container Apps serverless GPUs for the GPU profile).')
param location string

@description('Object id of the person or pipeline running azd: Key Vault secrets officer and Entra admin of Azure SQL.')
param principalId string

@description('What principalId is: a person (User) or a pipeline\'s identity (ServicePrincipal).')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Serverless GPU workload profile type for the Training service.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string = 'Consumption-GPU-NC8as-T4'

@secure()
@description('SHA-256 (hex) of the trading desk\'s API key (scope score); stored in Key Vault.')
param gatewayDeskKeySha256 string

@secure()
@description('SHA-256 (hex) of the operators\' API key (scopes score and admin); stored in Key Vault.')
param gatewayOpsKeySha256 string

var tags = { 'azd-env-name': environmentName }
var token = uniqueString(subscription().id, environmentName, location)

resource group 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: { name: 'id-ercot-${token}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: { token: token, location: location, tags: tags }
}

module registry 'modules/registry.bicep' = {
  scope: group
  name: 'registry'
  params: { name: 'crercot${token}', location: location, tags: tags, pullPrincipalId: identity.outputs.principalId }
}

module environment 'modules/environment.bicep' = {
  scope: group
  name: 'environment'
  params: {
    name: 'cae-ercot-${token}'
    location: location
    tags: tags
    logAnalyticsWorkspaceName: monitoring.outputs.logAnalyticsWorkspaceName
    gpuProfileType: gpuProfileType
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  params: { name: 'stercot${token}', location: location, tags: tags, contributorPrincipalId: identity.outputs.principalId }
}

module sql 'modules/sql.bicep' = {
  scope: group
  name: 'sql'
  params: { name: 'sql-ercot-${token}', location: location, tags: tags, adminPrincipalId: principalId, adminPrincipalType: principalType }
}

module vault 'modules/keyvault.bicep' = {
  scope: group
  name: 'keyvault'
  params: {
    name: 'kv-ercot-${token}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    officerPrincipalId: principalId
    gatewayDeskKeySha256: gatewayDeskKeySha256
    gatewayOpsKeySha256: gatewayOpsKeySha256
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = environment.outputs.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = environment.outputs.defaultDomain
output AZURE_GPU_WORKLOAD_PROFILE string = environment.outputs.gpuProfileName
output MANAGED_IDENTITY_ID string = identity.outputs.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output AZURE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_SQL_SERVER string = sql.outputs.fullyQualifiedDomainName
output AZURE_SQL_DATABASE string = sql.outputs.databaseName
output AZURE_KEY_VAULT_ENDPOINT string = vault.outputs.endpoint
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
