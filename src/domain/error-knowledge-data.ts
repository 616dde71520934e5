import { INSPECTOR_PERMISSIONS_TEXT } from './inspector-permissions';

/** What we know about one error code, in an Office 365 administrator's words. */
export interface KnowledgeEntry {
  title: string;
  cause: string;
  fix: string;
  learnMoreUrl: string;
}

const LEARN = 'https://learn.microsoft.com';
const AADSTS_CODES = `${LEARN}/entra/identity-platform/reference-error-codes`;
const ADMIN_CONSENT = `${LEARN}/entra/identity/enterprise-apps/grant-admin-consent`;
const ADMIN_CONSENT_ENDPOINT = `${LEARN}/entra/identity-platform/v2-admin-consent`;
const CLIENT_CREDENTIALS = `${LEARN}/entra/identity-platform/v2-oauth2-client-creds-grant-flow`;
const LIMIT_MAILBOX_ACCESS = `${LEARN}/graph/auth-limit-mailbox-access`;
const GRAPH_ERRORS = `${LEARN}/graph/errors`;

const NEW_SECRET =
  'Entra admin center → App registrations → PCEmail → Certificates & secrets → New client secret ' +
  '(expiry at most 24 months); copy the Value column right away (it is shown only once, and the ' +
  "Secret ID is not the secret) into Emplifi Agent's External Mailbox Connection settings and " +
  'PCEMAIL_CLIENT_SECRET.';

/** Entra sign-in errors (AADSTS numbers), keyed by number. */
export const AADSTS_KNOWLEDGE: Readonly<Record<number, KnowledgeEntry>> = {
  7000215: {
    title: 'Invalid client secret provided',
    cause:
      'The secret sent is not a current secret of the app. Most often the Secret ID (a GUID) was ' +
      'pasted instead of the secret Value; otherwise the value was cut short, mistyped, or belongs to ' +
      'another app registration.',
    fix: NEW_SECRET,
    learnMoreUrl: AADSTS_CODES,
  },
  7000222: {
    title: 'The client secret has expired',
    cause: 'The secret is right, but its expiry date has passed, so Entra no longer accepts it.',
    fix: `${NEW_SECRET} Then delete the expired secret.`,
    learnMoreUrl: AADSTS_CODES,
  },
  700016: {
    title: 'Application not found in the directory',
    cause:
      'No app with this Application (client) ID exists in the tenant signed in to: the App ID or the ' +
      'Tenant ID is wrong (often the Object ID was copied instead of the Application ID), or the app ' +
      'was registered in another tenant.',
    fix:
      'Entra admin center → App registrations → PCEmail → Overview: copy "Application (client) ID" ' +
      'and "Directory (tenant) ID" into Emplifi Agent and PCEMAIL_APP_ID / TENANT_ID.',
    learnMoreUrl: AADSTS_CODES,
  },
  90002: {
    title: 'Tenant not found',
    cause:
      'The Tenant ID or domain in the sign-in address does not exist, or it belongs to another cloud ' +
      '(for example a national cloud).',
    fix:
      'Entra admin center → Overview: copy the Tenant ID (a GUID) and use it as TENANT_ID and in Emplifi ' +
      'Agent; for national clouds also set AUTHORITY_HOST and GRAPH_ENDPOINT.',
    learnMoreUrl: `${LEARN}/entra/fundamentals/how-to-find-tenant`,
  },
  65001: {
    title: 'Consent required',
    cause: 'An administrator has not consented to the permissions the app asks for.',
    fix:
      'Entra admin center → App registrations → PCEmail → API permissions → Grant admin consent for ' +
      'your organization (needs Privileged Role Administrator or Global Administrator).',
    learnMoreUrl: ADMIN_CONSENT,
  },
  700027: {
    title: 'Client certificate not accepted',
    cause:
      'The app signed in with a certificate whose signature Entra could not check: the certificate ' +
      'is not uploaded to the app registration, it expired, or another private key was used.',
    fix:
      'Entra admin center → App registrations → PCEmail → Certificates & secrets → Certificates → ' +
      'Upload certificate (the public .cer of the key the service uses), or switch to a client secret.',
    learnMoreUrl: `${LEARN}/entra/identity-platform/certificate-credentials`,
  },
  7000112: {
    title: 'Application is disabled',
    cause:
      "The app's enterprise application (service principal) is disabled, so it cannot sign in.",
    fix:
      'Entra admin center → Enterprise applications → PCEmail → Properties → "Enabled for users to ' +
      'sign-in?" → Yes → Save.',
    learnMoreUrl: `${LEARN}/entra/identity/enterprise-apps/disable-user-sign-in-portal`,
  },
  7000229: {
    title: 'The app has no enterprise application in this tenant',
    cause:
      'The app registration exists, but its service principal (enterprise application) is missing in ' +
      'the tenant signed in to, so Entra will not issue it a token.',
    fix:
      'Entra admin center → App registrations → PCEmail → API permissions → Grant admin consent (this ' +
      'creates the enterprise application); or in PowerShell: New-MgServicePrincipal -AppId <PCEmail app id>.',
    learnMoreUrl: `${LEARN}/entra/identity-platform/app-objects-and-service-principals`,
  },
  7000218: {
    title: 'No client secret was sent',
    cause:
      'The sign-in request carried neither a client secret nor a certificate assertion: the secret field ' +
      'in the calling service is empty.',
    fix: `Enter the secret Value in the service's settings. ${NEW_SECRET}`,
    learnMoreUrl: CLIENT_CREDENTIALS,
  },
  50034: {
    title: 'User account does not exist',
    cause:
      'The user name signed in with does not exist in this directory (a typo, or another tenant).',
    fix: 'Check the sign-in name in Microsoft 365 admin center → Users → Active users.',
    learnMoreUrl: AADSTS_CODES,
  },
  500011: {
    title: 'Resource principal not found in the tenant',
    cause:
      'The token was requested for an API that has no service principal in this tenant: usually a ' +
      'mistyped resource or scope (it should be https://graph.microsoft.com/.default), or the wrong cloud.',
    fix:
      'Request the scope https://graph.microsoft.com/.default (for national clouds, that cloud’s Graph ' +
      'address) and check GRAPH_ENDPOINT.',
    learnMoreUrl: CLIENT_CREDENTIALS,
  },
  1002012: {
    title: 'Scope is not valid for an app-only sign-in',
    cause:
      'An app-only (client credentials) sign-in must ask for a resource followed by /.default.',
    fix: 'Use the scope https://graph.microsoft.com/.default in Emplifi Agent and in the app.',
    learnMoreUrl: CLIENT_CREDENTIALS,
  },
  900023: {
    title: 'Tenant identifier is not valid',
    cause:
      'The Tenant ID given is neither a GUID nor a verified domain of a tenant (often a typo).',
    fix: 'Entra admin center → Overview → copy the Tenant ID (36 characters, 8-4-4-4-12).',
    learnMoreUrl: `${LEARN}/entra/fundamentals/how-to-find-tenant`,
  },
  70011: {
    title: 'Invalid scope',
    cause: 'The scope asked for is malformed or not offered by the API.',
    fix: 'For PCEmail’s app-only sign-in use exactly https://graph.microsoft.com/.default.',
    learnMoreUrl: CLIENT_CREDENTIALS,
  },
  90094: {
    title: 'Admin consent required',
    cause:
      'The permissions asked for need an administrator’s consent (application permissions such as ' +
      'Mail.ReadWrite and Mail.Send always do), and the person signing in may not give it.',
    fix:
      'Have a Privileged Role Administrator or Global Administrator grant it: Entra admin center → App ' +
      'registrations → PCEmail → API permissions → Grant admin consent for your organization.',
    learnMoreUrl: ADMIN_CONSENT,
  },
  50011: {
    title: 'Redirect URI does not match',
    cause:
      'The redirect_uri sent to Entra (for example in an admin-consent link) is not one of the redirect ' +
      'URIs registered on the app; Entra compares them exactly.',
    fix:
      'Use a redirect URI registered on the app (App registrations → PCEmail → Authentication), or grant ' +
      'consent on the app’s API permissions page instead (Grant admin consent).',
    learnMoreUrl: ADMIN_CONSENT_ENDPOINT,
  },
  500113: {
    title: 'No reply address is registered for the application',
    cause:
      'The admin-consent endpoint needs a redirect URI registered on the app, and this app has none ' +
      '(PCEmail signs in without one, so that is normal).',
    fix:
      'Grant consent on the app’s API permissions page instead: Entra admin center → App registrations → ' +
      'PCEmail → API permissions → Grant admin consent. Or register a web redirect URI on the app first.',
    learnMoreUrl: ADMIN_CONSENT_ENDPOINT,
  },
  900971: {
    title: 'No reply address provided',
    cause: 'The request to Entra carried no redirect_uri, and the endpoint needs one.',
    fix:
      'Open the admin-consent link exactly as the bot gave it (it carries the redirect URI), or grant ' +
      'consent on the app’s API permissions page (Grant admin consent).',
    learnMoreUrl: ADMIN_CONSENT_ENDPOINT,
  },
  50126: {
    title: 'Invalid user name or password',
    cause: 'A user sign-in failed because the user name or password is wrong (not the app secret).',
    fix: 'Check the account’s password, or reset it in Microsoft 365 admin center → Users → Active users.',
    learnMoreUrl: AADSTS_CODES,
  },
};

/** Key of the access-policy variant of ErrorAccessDenied. */
export const RAOP_KEY = 'ErrorAccessDenied/RAOP';

/** Microsoft Graph error codes (`error.code`), keyed by code. */
export const GRAPH_ERROR_KNOWLEDGE: Readonly<Record<string, KnowledgeEntry>> = {
  [RAOP_KEY]: {
    title: 'Blocked by the application access policy',
    cause:
      'Exchange Online refused because an application access policy restricts PCEmail and this ' +
      'mailbox is not in the policy’s scope group (or the policy change is still propagating: up to ' +
      '1 hour or more).',
    fix:
      'In Exchange Online PowerShell: Add-DistributionGroupMember -Identity <scope group> -Member ' +
      '<mailbox>, then check again after an hour. Verify with Test-ApplicationAccessPolicy -Identity ' +
      '<mailbox> -AppId <PCEmail app id> (it should say Granted).',
    learnMoreUrl: LIMIT_MAILBOX_ACCESS,
  },
  ErrorAccessDenied: {
    title: 'Access to the mailbox is denied',
    cause:
      'The token does not carry the mail permission needed (Mail.ReadWrite or Mail.Send as an ' +
      'application permission, with admin consent), or RBAC for Applications does not cover this mailbox.',
    fix:
      'Entra admin center → App registrations → PCEmail → API permissions → add Mail.ReadWrite and ' +
      'Mail.Send (Application permissions) → Grant admin consent; with RBAC for Applications check ' +
      'Test-ServicePrincipalAuthorization -Identity <app> -Resource <mailbox>.',
    learnMoreUrl: `${LEARN}/exchange/permissions-exo/application-rbac`,
  },
  MailboxNotEnabledForRESTAPI: {
    title: 'Not an Exchange Online mailbox',
    cause:
      'The address exists but has no mailbox Graph can reach: it is on-premises, unlicensed, ' +
      'inactive or soft-deleted.',
    fix:
      'Microsoft 365 admin center → Users → Active users → the user → Licenses and apps: assign a license ' +
      'with Exchange Online, or use a shared mailbox in Exchange Online.',
    learnMoreUrl: `${LEARN}/graph/api/resources/mail-api-overview`,
  },
  ErrorInvalidUser: {
    title: 'No such user',
    cause: 'No user or mailbox has this address (a typo, or a removed user).',
    fix: 'Check the address in Exchange admin center → Recipients → Mailboxes (use the primary SMTP address).',
    learnMoreUrl: GRAPH_ERRORS,
  },
  ErrorSendAsDenied: {
    title: 'Not allowed to send as this address',
    cause: 'The message was sent from an address the mailbox may not send as.',
    fix:
      'Send from the mailbox itself, or grant Send As: Add-RecipientPermission -Identity <from address> ' +
      '-Trustee <mailbox> -AccessRights SendAs.',
    learnMoreUrl: `${LEARN}/graph/outlook-send-mail-from-other-user`,
  },
  ApplicationThrottled: {
    title: 'The app is being throttled by Exchange Online',
    cause:
      'Too many requests at once for this mailbox (Outlook allows 4 concurrent requests per mailbox).',
    fix: 'Wait for the Retry-After time and try again; fewer parallel requests per mailbox prevent it.',
    learnMoreUrl: `${LEARN}/graph/throttling-limits`,
  },
  TooManyRequests: {
    title: 'Too many requests (429)',
    cause: 'Microsoft Graph is throttling the app for a while.',
    fix: 'Wait for the Retry-After time and try again.',
    learnMoreUrl: `${LEARN}/graph/throttling`,
  },
  InvalidAuthenticationToken: {
    title: 'The access token was not accepted',
    cause:
      'The token is missing, expired, or was issued for another API (for example the scope was not ' +
      'https://graph.microsoft.com/.default).',
    fix: 'Sign in again asking for https://graph.microsoft.com/.default; check GRAPH_ENDPOINT matches the cloud.',
    learnMoreUrl: `${LEARN}/entra/identity-platform/access-tokens`,
  },
  Authorization_RequestDenied: {
    title: 'Insufficient privileges',
    cause: 'The signed-in identity lacks the Graph permission for this directory read or change.',
    fix:
      "Grant the identity the permission the operation needs (for the bot's inspector: " +
      `${INSPECTOR_PERMISSIONS_TEXT} as application permissions) and Grant admin consent.`,
    learnMoreUrl: `${LEARN}/graph/resolve-auth-errors`,
  },
  Request_ResourceNotFound: {
    title: 'Directory object not found',
    cause:
      'No object has this id: often an Object ID was used where the Application (client) ID belongs, ' +
      'or the object was deleted.',
    fix: 'Entra admin center → App registrations → PCEmail → Overview: use "Application (client) ID".',
    learnMoreUrl: GRAPH_ERRORS,
  },
  ErrorItemNotFound: {
    title: 'Mailbox item not found',
    cause: 'The folder or message does not exist (any more): it was moved or deleted.',
    fix: 'Refresh the folder or message id and try again; no permission change is needed.',
    learnMoreUrl: GRAPH_ERRORS,
  },
};

/** Generic steps for codes we do not know. */
export const UNKNOWN_AADSTS_FIX =
  'Look the number up in Microsoft’s AADSTS error list; check the Tenant ID, Application ID and ' +
  'secret in Emplifi Agent; then Entra admin center → Sign-in logs → Service principal sign-ins, ' +
  'filtered by PCEmail, for the full reason and correlation id.';

export const UNKNOWN_GRAPH_FIX =
  'Look the code up in Microsoft Graph’s error list; keep the request-id and date from the error for ' +
  'a support ticket, and try again in a few minutes in case it is transient.';

export const AADSTS_LIST_URL = AADSTS_CODES;
export const GRAPH_ERRORS_URL = GRAPH_ERRORS;
