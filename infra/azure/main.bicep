// OmniGraph on Azure: a storage account (blob container for the graphs and their grain state, table service for the
// cluster's membership) and N `omnigraph serve` replicas on Azure Container Apps forming one Orleans cluster.
// Deploy (docs/deploy-azure.md):
//   az group create -n omnigraph -l westeurope
//   az deployment group create -g omnigraph -f infra/azure/main.bicep -p image=<registry>/omnigraph:<tag> bearerToken=<secret>

@description('Where everything goes.')
param location string = resourceGroup().location

@description('A prefix for resource names (lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param namePrefix string = 'omnigraph'

@description('The container image built from infra/docker/Dockerfile.')
param image string

@description('Replicas: each is a silo and an HTTP front-end; all serve every graph.')
@minValue(1)
@maxValue(10)
param replicas int = 3

@description('The bearer token of the actor `default` (the server refuses to start without credentials).')
@secure()
param bearerToken string

@description('The cluster id the replicas share (the membership table keeps one row set per cluster id).')
param clusterId string = 'omnigraph'

var storageName = '${namePrefix}${uniqueString(resourceGroup().id)}'
var container = 'graphs'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource graphs 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: container
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Orleans creates the membership table if it is missing; creating it here keeps the deployment's shape visible.
resource membership 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'OmniGraphSilos'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var connectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${az.environment().suffixes.storage}'

resource server 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-server'
  location: location
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
      }
      secrets: [
        { name: 'storage-connection', value: connectionString }
        { name: 'bearer-token', value: bearerToken }
      ]
    }
    template: {
      containers: [
        {
          name: 'omnigraph'
          image: image
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: [
            { name: 'AZURE_STORAGE_CONNECTION_STRING', secretRef: 'storage-connection' }
            { name: 'OMNIGRAPH_SERVER_BEARER_TOKEN', secretRef: 'bearer-token' }
            { name: 'OMNIGRAPH_STORE', value: 'az://${container}' }
            { name: 'OMNIGRAPH_CLUSTERING', value: 'azure' }
            { name: 'OMNIGRAPH_CLUSTER_ID', value: clusterId }
          ]
          probes: [
            // Liveness: the process answers. Readiness: every graph opened and the server is not stopping.
            { type: 'Liveness', httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 3 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 8080 }, periodSeconds: 5, failureThreshold: 3 }
            { type: 'Startup', httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 24 }
          ]
        }
      ]
      scale: { minReplicas: replicas, maxReplicas: replicas }
    }
  }
  dependsOn: [ graphs, membership ]
}

output url string = 'https://${server.properties.configuration.ingress.fqdn}'
output storageAccount string = storage.name
