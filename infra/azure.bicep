// PCEmail Ops in Azure: a Linux Web App (Node 24 LTS) running the bot, the Azure Bot that connects it
// to Microsoft Teams, a Storage account whose blob container holds the bot's state (STATE_STORE=blob),
// a Key Vault for the remaining secrets, and one user-assigned managed identity that is the bot's
// identity (BOT_TYPE UserAssignedMSI), reads the state blobs (no account key) and reads the vault.
// Deployed by m365agents.yml (arm/deploy) with infra/azure.parameters.json; secrets arrive as
// @secure() parameters filled from env/.env.<env>.user, go only into Key Vault, and the Web App
// reads them through Key Vault references.

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

@description('Node.js of the Web App; Node 24 LTS is what the project is built and tested on.')
param linuxFxVersion string = 'NODE|24-lts'

@description('Tenant where PCEmail is registered (TENANT_ID). Empty = the bot\'s tenant.')
param pcemailTenantId string = ''

@description('Tenant of the inspector and of the managed identity (BOT_TENANT_ID). Empty = this tenant.')
param botTenantId string = ''

@description('App-only identity that inspects the tenant (GRAPH_CLIENT_ID), created by aadApp/create; it needs the Graph application permissions Application.Read.All and Directory.Read.All.')
param graphClientId string

@secure()
@description('Client secret of GRAPH_CLIENT_ID (GRAPH_CLIENT_SECRET); stored in Key Vault.')
param graphClientSecret string

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

@description('Bot Connector URLs replies may go to (ALLOWED_SERVICE_URLS). Empty = the Teams hosts Microsoft documents.')
param allowedServiceUrls string = ''

@description('How Exchange Online limits PCEmail to its mailboxes: auto, access-policy or rbac (RESTRICTION_MODEL).')
param restrictionModel string = 'auto'

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

@description('Lifetime in months of a PCEmail secret made by Rotate now (ROTATION_SECRET_MONTHS, 1-24).')
param rotationSecretMonths string = '12'

@description('Hours the old PCEmail secret must stay unused before Remove old secret is offered (ROTATION_QUIET_HOURS).')
param rotationQuietHours string = '24'

@description('Rotate now writes the new PCEmail secret into this Key Vault (PCEMAIL_SECRET_KEYVAULT_URL): true or false.')
param rotationWritesKeyVault string = 'true'

@secure()
@description('Bearer key of the /api/jobs endpoints for an external scheduler (JOBS_KEY); empty = off.')
param jobsKey string = ''

@description('Comma-separated tenants whose users may use the bot (ALLOWED_TENANTS); empty = TENANT_ID.')
param allowedTenants string = ''

@description('Log level (LOG_LEVEL).')
param logLevel string = 'info'

@description('Blob container of the bot\'s state (STATE_CONTAINER).')
param stateContainerName string = 'pcemail-ops'

@description('Cron of the consent-requests job: link-mode re-checks and expiry (CONSENT_RECHECK_SCHEDULE), or off.')
param consentRecheckSchedule string = '*/5 * * * *'

@description('Days an undecided consent request stays open (CONSENT_REQUEST_TTL_DAYS).')
param consentRequestTtlDays string = '7'

@description('Further app registrations whose secrets are watched (WATCHED_APP_IDS), comma-separated.')
param watchedAppIds string = ''

@description('Cron of the secret-expiry check (SECRET_EXPIRY_SCHEDULE), or off.')
param secretExpirySchedule string = '0 * * * *'

@description('Cron of the mailbox-ingestion check (INGESTION_SCHEDULE), or off.')
param ingestionSchedule string = '*/15 * * * *'

@description('Cron of the daily ingestion digest (INGESTION_DIGEST_SCHEDULE), or off.')
param ingestionDigestSchedule string = '0 8 * * *'

@description('IANA time zone of the schedules (SCHEDULE_TIMEZONE).')
param scheduleTimezone string = 'UTC'

@description('Unread mail older than this many minutes makes a mailbox degraded (INGESTION_BACKLOG_MINUTES).')
param ingestionBacklogMinutes string = '60'

@description('Microsoft Graph root (GRAPH_ENDPOINT); change only for a national cloud.')
param graphEndpoint string = 'https://graph.microsoft.com'

@description('Entra root (AUTHORITY_HOST); change only for a national cloud.')
param authorityHost string = 'https://login.microsoftonline.com'

@description('Longest wait for one Graph call in ms (GRAPH_TIMEOUT_MS).')
param graphTimeoutMs string = '10000'

@description('Retries of one Graph call (GRAPH_MAX_RETRIES).')
param graphMaxRetries string = '3'

@description('Longest Retry-After honoured, in seconds (GRAPH_RETRY_AFTER_CAP_SECONDS).')
param graphRetryAfterCapSeconds string = '30'

var effectiveTenantId = empty(botTenantId) ? tenant().tenantId : botTenantId

// The bot's identity, and what reads the state and the vault: no bot secret, no storage key.
// https://learn.microsoft.com/azure/bot-service/provision-and-publish-a-bot?view=azure-bot-service-4.0
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

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
    allowSharedKeyAccess: false // Entra ID only: the managed identity, never an account key
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

// Built-in roles: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

// Blob reads, writes and leases on the state container only.
resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(stateContainer.id, identity.id, storageBlobDataContributor)
  scope: stateContainer
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

// Key Vault names: 3-24 letters, digits and hyphens, unique across Azure.
var keyVaultName = take('kv${toLower(replace(resourceBaseName, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser)
  scope: keyVault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// The secrets that remain: the inspector's, PCEmail's (optional), the single sign-on app's (optional)
// and the jobs key (optional).
// An empty optional secret is stored as no secret at all: its setting stays empty.
resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
  }
}

resource pcemailSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(pcemailClientSecret)) {
  parent: keyVault
  name: 'pcemail-client-secret'
  properties: {
    value: pcemailClientSecret
  }
}

// Rotate now writes a new version of PCEmail's secret: the identity may write that one secret only.
var rotationVaultWrite = rotationWritesKeyVault == 'true' && !empty(pcemailClientSecret)
resource pcemailSecretWrite 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (rotationVaultWrite) {
  name: guid(keyVault.id, 'pcemail-client-secret', identity.id, keyVaultSecretsOfficer)
  scope: pcemailSecret
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
  }
}

resource ssoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(ssoClientSecret)) {
  parent: keyVault
  name: 'sso-client-secret'
  properties: {
    value: ssoClientSecret
  }
}

resource jobsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(jobsKey)) {
  parent: keyVault
  name: 'jobs-key'
  properties: {
    value: jobsKey
  }
}

// App Service resolves these with the identity below:
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
var graphSecretReference = '@Microsoft.KeyVault(SecretUri=${graphSecret.properties.secretUri})'
var pcemailSecretReference = empty(pcemailClientSecret) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=pcemail-client-secret)'
var ssoSecretReference = empty(ssoClientSecret) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=sso-client-secret)'
var jobsKeyReference = empty(jobsKey) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=jobs-key)'

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
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    stateAccess
    secretsAccess
  ]
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      // az webapp list-runtimes --os linux: https://learn.microsoft.com/azure/app-service/configure-language-nodejs?pivots=platform-linux
      linuxFxVersion: linuxFxVersion
      // The same command as `npm start` and the artifact (test/app-package/runtime.test.ts).
      appCommandLine: 'node dist/index.js'
      alwaysOn: webAppSku != 'F1' // the free tier cannot stay on
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Runs the zip that zipDeploy uploads (the production artifact), read-only.
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        // Built by `npm run build:artifact`, not on the server.
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
          value: identity.properties.clientId
        }
        {
          name: 'BOT_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'BOT_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'TENANT_ID'
          value: empty(pcemailTenantId) ? effectiveTenantId : pcemailTenantId
        }
        {
          name: 'GRAPH_CLIENT_ID'
          value: graphClientId
        }
        {
          name: 'GRAPH_CLIENT_SECRET'
          value: graphSecretReference
        }
        {
          name: 'GRAPH_ENDPOINT'
          value: graphEndpoint
        }
        {
          name: 'AUTHORITY_HOST'
          value: authorityHost
        }
        {
          name: 'GRAPH_TIMEOUT_MS'
          value: graphTimeoutMs
        }
        {
          name: 'GRAPH_MAX_RETRIES'
          value: graphMaxRetries
        }
        {
          name: 'GRAPH_RETRY_AFTER_CAP_SECONDS'
          value: graphRetryAfterCapSeconds
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
          value: pcemailSecretReference
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
          name: 'ALLOWED_SERVICE_URLS'
          value: allowedServiceUrls
        }
        {
          name: 'RESTRICTION_MODEL'
          value: restrictionModel
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
          value: ssoSecretReference
        }
        {
          name: 'SSO_RESOURCE'
          value: empty(ssoResource) ? 'api://botid-${identity.properties.clientId}' : ssoResource
        }
        {
          name: 'SSO_CONNECTION_NAME'
          value: ssoConnectionName
        }
        {
          name: 'CONSENT_REQUEST_TTL_DAYS'
          value: consentRequestTtlDays
        }
        {
          name: 'CONSENT_RECHECK_SCHEDULE'
          value: consentRecheckSchedule
        }
        {
          name: 'EXPIRY_REMINDER_DAYS'
          value: expiryReminderDays
        }
        {
          name: 'ROTATION_SECRET_MONTHS'
          value: rotationSecretMonths
        }
        {
          name: 'ROTATION_QUIET_HOURS'
          value: rotationQuietHours
        }
        {
          name: 'PCEMAIL_SECRET_KEYVAULT_URL'
          value: rotationVaultWrite ? '${keyVault.properties.vaultUri}secrets/pcemail-client-secret' : ''
        }
        {
          name: 'WATCHED_APP_IDS'
          value: watchedAppIds
        }
        {
          name: 'SECRET_EXPIRY_SCHEDULE'
          value: secretExpirySchedule
        }
        {
          name: 'INGESTION_SCHEDULE'
          value: ingestionSchedule
        }
        {
          name: 'INGESTION_DIGEST_SCHEDULE'
          value: ingestionDigestSchedule
        }
        {
          name: 'SCHEDULE_TIMEZONE'
          value: scheduleTimezone
        }
        {
          name: 'INGESTION_BACKLOG_MINUTES'
          value: ingestionBacklogMinutes
        }
        {
          name: 'JOBS_KEY'
          value: jobsKeyReference
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
          name: 'AZURE_STORAGE_ACCOUNT_URL'
          value: storageAccount.properties.primaryEndpoints.blob
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
// The bot is the managed identity (Azure no longer creates multi-tenant bots).
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
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
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
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccount.name
output AZURE_KEY_VAULT_NAME string = keyVault.name
