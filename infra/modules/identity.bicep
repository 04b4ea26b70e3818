// The user-assigned identity every Ercot container app runs as: it pulls images, reads and writes Blob storage,
// reads Key Vault secrets and signs in to Azure SQL. No service holds a password or an account key.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
