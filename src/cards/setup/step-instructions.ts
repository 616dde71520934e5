import type { SetupStepId } from '../../domain/setup';

const ENTRA = 'https://entra.microsoft.com';
export const APP_REGISTRATIONS_URL = `${ENTRA}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`;

/** The app's own page in the Entra admin center; `appId` must be a validated GUID. */
export function appPageUrl(appId: string, blade: 'Overview' | 'Credentials' | 'CallAnAPI'): string {
  return `${ENTRA}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/${blade}/appId/${appId}/isMSAApp~/false`;
}

export const LEARN_URLS = {
  register: 'https://learn.microsoft.com/entra/identity-platform/quickstart-register-app',
  secret: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
  permissions:
    'https://learn.microsoft.com/entra/identity-platform/quickstart-configure-app-access-web-apis',
  consent: 'https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent',
  accessPolicy: 'https://learn.microsoft.com/graph/auth-limit-mailbox-access',
  rbac: 'https://learn.microsoft.com/exchange/permissions-exo/application-rbac',
} as const;

/** What to do, in a few lines each; our own text (trusted markdown-free wording). */
export const STEP_INSTRUCTIONS: Readonly<
  Record<Exclude<SetupStepId, 'finish'>, readonly string[]>
> = {
  register: [
    'Entra admin center → App registrations → New registration.',
    'Name: PCEmail. Supported account types: "Accounts in this organizational directory only" (single tenant). No redirect URI. Register.',
    'On the app’s Overview page copy the Application (client) ID: Emplifi Agent needs it. Enter it below (left empty, I check the app I am set up to watch) and press "Verify this step". The Directory (tenant) ID on that page must be the one shown here.',
  ],
  secret: [
    'App registrations → PCEmail → Certificates & secrets → Client secrets → New client secret.',
    'Expires: at most 24 months (the vendor’s limit). I remind you before it expires.',
    'Copy the Value column at once (Entra shows it only once) into Emplifi Agent’s External Mailbox Connection settings. The Secret ID is not the secret.',
    'Never paste the secret here: I do not need it. To test that it signs in, I use the PCEMAIL_CLIENT_SECRET setting.',
  ],
  permissions: [
    'App registrations → PCEmail → API permissions → Add a permission → Microsoft Graph.',
    'Delegated permissions: User.Read (often there already).',
    'Application permissions: Mail.ReadWrite and Mail.Send.',
    'Remove any other permission: PCEmail needs only these three.',
  ],
  consent: [
    'API permissions → "Grant admin consent for <your organization>" → Yes.',
    'Only a Privileged Role Administrator or Global Administrator can consent to Microsoft Graph application permissions.',
    'The Status column then shows "Granted" for all three permissions.',
  ],
  restrict: [
    'Without a restriction, Mail.ReadWrite and Mail.Send let PCEmail read and send as every mailbox in your organization.',
    '1. Exchange admin center → Recipients → Groups → Add a group → Mail-enabled security. Add the PCEmail mailboxes as direct members. The scope group must be a mail-enabled security group.',
    '2. Connect-ExchangeOnline in PowerShell, then run ONE of the two command sets below.',
    'Microsoft now recommends RBAC for Applications: it replaces Application Access Policies, and Microsoft asks not to create new policies. The vendor’s page still describes the Application Access Policy, which my checks recognise.',
    'RBAC grants the mail permissions in Exchange; an Entra admin consent for Mail.ReadWrite or Mail.Send still reaches every mailbox (the two add up). With RBAC, revoke those two consents (Enterprise applications → PCEmail → Permissions) once Test-ServicePrincipalAuthorization shows InScope True. My checks recognise RBAC for Applications and pass when the mailboxes are readable, the mailbox outside the group is refused and no tenant-wide Mail consent is left.',
    'Changes take an hour or more to reach Microsoft Graph: if "Verify this step" fails right after, wait and re-check.',
  ],
};
