// Azure SQL for the [ERCOT] source tables and Hangfire's job store, Entra-only: no SQL logins exist. The person
// running azd is the Entra admin; the services' identity is made a database user once (docs/DEPLOY.md).
param name string
param location string
param tags object
param adminPrincipalId string

@allowed([
  'User'
  'ServicePrincipal'
])
param adminPrincipalType string

resource server 'Microsoft.Sql/servers@2021-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: 'ercot-admin'
      sid: adminPrincipalId
      tenantId: subscription().tenantId
      principalType: adminPrincipalType
    }
  }
}

// Azure services (the Container Apps environment) may connect; nothing else.
resource azureServices 'Microsoft.Sql/servers/firewallRules@2021-11-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Serverless: it pauses after an idle hour, so an idle deployment costs storage only.
resource database 'Microsoft.Sql/servers/databases@2021-11-01' = {
  parent: server
  name: 'ercot'
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5_1'
    tier: 'GeneralPurpose'
  }
  properties: {
    autoPauseDelay: 60
    minCapacity: json('0.5')
  }
}

output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
