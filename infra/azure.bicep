// PCEmail Ops in Azure: a Linux Web App (Node 20) running the bot, the Azure Bot that connects it to
// Microsoft Teams, and a Storage account whose blob container holds the bot's state (STATE_STORE=blob).
// Deployed by teamsapp.yml (arm/deploy) with infra/azure.parameters.json; secrets arrive as @secure()
// parameters filled from env/.env.<env>.user and are never written to a file.

@maxLength(20)
@minLength(4)
@description('Base of the resource names: lower-case letters and digits.')
param resourceBaseName string

@description('Region of the App Service and the Storage account.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 or above keeps the bot always on for its scheduled jobs.')
param webAppSku string = 'B1'

@description('Azure Bot SKU: F0 (free) or S1.')
param botServiceSku string = 'F0'

@maxLength(42)
@description('Name of the bot in the Azure portal.')
param botDisplayName string = 'PCEmail Ops'

@description('Application (client) ID of the bot\'s Entra app registration (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app registration (BOT_PASSWORD).')
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app registration (BOT_TENANT_ID).')
param botTenantId string = tenant().tenantId

@description('Tenant where PCEmail is registered (TENANT_ID). Empty = the bot\'s tenant.')
param pcemailTenantId string = ''

@description('App-only identity that inspects the tenant (GRAPH_CLIENT_ID); it needs the Graph application permissions Application.Read.All and Directory.Read.All. Empty = the bot\'s.')
param graphClientId string = ''

@secure()
@description('Client secret of GRAPH_CLIENT_ID (GRAPH_CLIENT_SECRET). Empty = the bot\'s.')
param graphClientSecret string = ''

@description('Application (client) ID of PCEmail (PCEMAIL_APP_ID). Empty = found by name.')
param pcemailAppId string = ''

@description('Display name of the PCEmail app registration (PCEMAIL_APP_NAME).')
param pcemailAppName string = 'PCEmail'

@secure()
@description('PCEmail\'s client secret (PCEMAIL_CLIENT_SECRET), optional: enables the live checks.')
param pcemailClientSecret string = ''

@description('Comma-separated PCEmail mailboxes (PCEMAIL_MAILBOXES).')
param pcemailMailboxes string = ''

@description('A mailbox PCEmail must not be able to read (PCEMAIL_OUT_OF_SCOPE_MAILBOX).')
param pcemailOutOfScopeMailbox string = ''

@description('Comma-separated Entra object ids of the consent approvers (APPROVERS).')
param approvers string = ''

@description('delegated (recommended), grant or link (CONSENT_MODE).')
param consentMode string = 'link'

@description('Entra app of Teams single sign-on for approvers (SSO_CLIENT_ID); created from aad.manifest.json.')
param ssoClientId string = ''

@secure()
@description('Client secret of the single sign-on app (SSO_CLIENT_SECRET).')
param ssoClientSecret string = ''

@description('Application ID URI of the single sign-on app (SSO_RESOURCE), api://botid-{BOT_ID}.')
param ssoResource string = ''

@description('OAuth connection of the Azure Bot for the sign-in fallback (SSO_CONNECTION_NAME); optional.')
param ssoConnectionName string = ''

@description('Days before a secret expires at which reminders are posted (EXPIRY_REMINDER_DAYS).')
param expiryReminderDays string = '30,14,7,3,1,0'

@secure()
@description('Bearer key of the /api/jobs endpoints for an external scheduler (JOBS_KEY); empty = off.')
param jobsKey string = ''

@description('Comma-separated tenants whose users may use the bot (ALLOWED_TENANTS); empty = TENANT_ID.')
param allowedTenants string = ''

@description('Log level (LOG_LEVEL).')
param logLevel string = 'info'

@description('Blob container of the bot\'s state (STATE_CONTAINER).')
param stateContainerName string = 'pcemail-ops'

// Storage account names: 3-24 lower-case letters and digits, unique across Azure.
var storageAccountName = take('${toLower(replace(resourceBaseName, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Read from the account at deployment time; it goes only into the Web App's settings.
var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};AccountKey=${storageAccount.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/index.js'
      alwaysOn: webAppSku != 'F1' // the free tier cannot stay on
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Runs the zip that zipDeploy uploads, read-only.
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        // Built by `teamsapp deploy`, not on the server.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'BOT_ID'
          value: botAadAppClientId
        }
        {
          name: 'BOT_PASSWORD'
          value: botAadAppClientSecret
        }
        {
          name: 'BOT_TYPE'
          value: 'SingleTenant'
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'TENANT_ID'
          value: empty(pcemailTenantId) ? botTenantId : pcemailTenantId
        }
        {
          name: 'GRAPH_CLIENT_ID'
          value: graphClientId
        }
        {
          name: 'GRAPH_CLIENT_SECRET'
          value: graphClientSecret
        }
        {
          name: 'PCEMAIL_APP_ID'
          value: pcemailAppId
        }
        {
          name: 'PCEMAIL_APP_NAME'
          value: pcemailAppName
        }
        {
          name: 'PCEMAIL_CLIENT_SECRET'
          value: pcemailClientSecret
        }
        {
          name: 'PCEMAIL_MAILBOXES'
          value: pcemailMailboxes
        }
        {
          name: 'PCEMAIL_OUT_OF_SCOPE_MAILBOX'
          value: pcemailOutOfScopeMailbox
        }
        {
          name: 'APPROVERS'
          value: approvers
        }
        {
          name: 'CONSENT_MODE'
          value: consentMode
        }
        {
          name: 'SSO_CLIENT_ID'
          value: ssoClientId
        }
        {
          name: 'SSO_CLIENT_SECRET'
          value: ssoClientSecret
        }
        {
          name: 'SSO_RESOURCE'
          value: empty(ssoResource) ? 'api://botid-${botAadAppClientId}' : ssoResource
        }
        {
          name: 'SSO_CONNECTION_NAME'
          value: ssoConnectionName
        }
        {
          name: 'EXPIRY_REMINDER_DAYS'
          value: expiryReminderDays
        }
        {
          name: 'JOBS_KEY'
          value: jobsKey
        }
        {
          name: 'ALLOWED_TENANTS'
          value: allowedTenants
        }
        {
          name: 'STATE_STORE'
          value: 'blob'
        }
        {
          name: 'AZURE_STORAGE_CONNECTION_STRING'
          value: storageConnectionString
        }
        {
          name: 'STATE_CONTAINER'
          value: stateContainer.name
        }
      ]
    }
  }
}

// The Bot Framework registration: Teams sends the bot's messages to the Web App's /api/messages.
// Single-tenant, because Azure no longer creates multi-tenant bots.
resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written by the toolkit to env/.env.<env> (zipDeploy uses the resource id).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccount.name
