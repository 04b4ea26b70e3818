// Key Vault (RBAC) holding the gateway's key hashes; the container apps reference them as secrets through the
// identity (Key Vault Secrets User). The person running azd may set and rotate them (Key Vault Secrets Officer).
param name string
param location string
param tags object
param readerPrincipalId string
param officerPrincipalId string

@secure()
param gatewayDeskKeySha256 string

@secure()
param gatewayOpsKeySha256 string

var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var secretsOfficer = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource deskKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'gateway-desk-key-sha256'
  properties: { value: gatewayDeskKeySha256 }
}

resource opsKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'gateway-ops-key-sha256'
  properties: { value: gatewayOpsKeySha256 }
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUser)
  properties: {
    roleDefinitionId: secretsUser
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, officerPrincipalId, secretsOfficer)
  properties: {
    roleDefinitionId: secretsOfficer
    principalId: officerPrincipalId
  }
}

output endpoint string = vault.properties.vaultUri
output name string = vault.name
