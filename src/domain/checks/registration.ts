import { APPLICATION_READ } from '../inspector-permissions';
import { describeGuidProblem } from '../guid';
import type { AppRegistration, ServicePrincipal, TenantSnapshot } from '../tenant-snapshot';
import { blockerFromError } from './blockers';
import { formatDate, listWords, type JudgeContext } from './judge-context';
import { fail, pass, skip, warn, type Available, type Blocker, type Verdict } from './verdict';

const REGISTER_APP =
  'Entra admin center → App registrations → New registration → name "PCEmail", supported account ' +
  'types "Accounts in this organizational directory only" → Register.';

/** `app.registered`: exactly one registration matches PCEMAIL_APP_ID, or else the display name. */
export function judgeAppRegistered(snapshot: TenantSnapshot): Verdict {
  const { applications, settings } = snapshot;
  if (!applications.ok) {
    return skip(
      'app.registered',
      blockerFromError(applications.error, 'app registrations', APPLICATION_READ),
    );
  }
  const apps = applications.value;
  const [only] = apps;
  if (apps.length === 1 && only) {
    const how =
      // The ID may be the bot's setting or one typed in the setup wizard: name neither.
      settings.appId === undefined
        ? `by its name "${settings.appName}"`
        : 'by its Application (client) ID';
    return pass('PCEmail app registration found', `Found ${describeApp(only)} ${how}.`);
  }
  if (apps.length > 1) {
    return warn(
      `${apps.length} app registrations named ${settings.appName}`,
      `Several app registrations match: ${listWords(apps.map(describeApp))}. The remaining checks wait ` +
        'until you say which one Emplifi Agent uses.',
      'Set PCEMAIL_APP_ID to the Application (client) ID that Emplifi Agent uses (its External Mailbox ' +
        'Connection settings show it); then delete or rename the others in Entra admin center → App registrations.',
    );
  }
  if (settings.appId !== undefined) {
    const problem = describeGuidProblem(settings.appId);
    return fail(
      'PCEmail app registration not found',
      `No app registration has the Application (client) ID ${settings.appId}` +
        (problem === undefined ? '.' : `; the ID ${problem}.`),
      'Copy the ID again: Entra admin center → App registrations → All applications → PCEmail → Overview → ' +
        `Application (client) ID (not the Object ID). If the app does not exist yet: ${REGISTER_APP}`,
    );
  }
  return fail(
    'PCEmail app registration not found',
    `No app registration is named "${settings.appName}".`,
    `${REGISTER_APP} If it exists under another name, set PCEMAIL_APP_ID to its Application (client) ID.`,
  );
}

/** The one registration the later checks judge, or why they skip. */
export function findPcemailApp(snapshot: TenantSnapshot): Available<AppRegistration> {
  const { applications, settings } = snapshot;
  if (!applications.ok) {
    return {
      ok: false,
      blocker: blockerFromError(applications.error, 'app registrations', APPLICATION_READ),
    };
  }
  const [only, ...others] = applications.value;
  if (only && others.length === 0) return { ok: true, value: only };
  const blocker: Blocker = only
    ? {
        detail: `several registrations named ${settings.appName} — set PCEMAIL_APP_ID`,
        fix: 'Set PCEMAIL_APP_ID to the Application (client) ID Emplifi Agent uses (see app.registered), then check again.',
      }
    : {
        detail: 'app registration not found (see app.registered)',
        fix: 'Register PCEmail or correct PCEMAIL_APP_ID (see app.registered), then check again.',
      };
  return { ok: false, blocker };
}

/** `app.single-tenant`: only this organization's accounts may sign in. */
export function judgeSingleTenant({ app }: JudgeContext): Verdict {
  if (app.signInAudience === 'AzureADMyOrg') {
    return pass(
      'Single tenant',
      'signInAudience is AzureADMyOrg: only accounts in your organization can sign in.',
    );
  }
  return warn(
    'App accepts sign-ins from outside your organization',
    `signInAudience is ${app.signInAudience} (${describeAudience(app.signInAudience)}); PCEmail needs ` +
      'only your own directory.',
    'Entra admin center → App registrations → PCEmail → Authentication → Supported account types → ' +
      '"Accounts in this organizational directory only" → Save (or set "signInAudience": "AzureADMyOrg" ' +
      'in the Manifest).',
  );
}

/** `app.service-principal`: the enterprise application exists and may sign in. */
export function judgeServicePrincipal(ctx: JudgeContext): Verdict {
  const sp = servicePrincipalOf(ctx);
  if (!sp.ok) {
    return sp.blocker === NO_SERVICE_PRINCIPAL
      ? fail(
          'No enterprise application for PCEmail',
          `The app registration exists (appId ${ctx.app.appId}) but has no service principal ` +
            '(enterprise application) in this tenant, so it cannot sign in or be granted permissions.',
          'Entra admin center → App registrations → PCEmail → API permissions → Grant admin consent ' +
            `creates it; or in PowerShell: New-MgServicePrincipal -AppId ${ctx.app.appId}.`,
        )
      : skip('app.service-principal', sp.blocker);
  }
  if (!sp.value.accountEnabled) {
    return fail(
      'PCEmail enterprise application is disabled',
      `The service principal "${sp.value.displayName}" (object ID ${sp.value.id}) has accountEnabled ` +
        'false: PCEmail cannot sign in.',
      'Entra admin center → Enterprise applications → PCEmail → Properties → "Enabled for users to ' +
        `sign-in?" → Yes → Save; or Update-MgServicePrincipal -ServicePrincipalId ${sp.value.id} -AccountEnabled:$true.`,
    );
  }
  return pass(
    'PCEmail enterprise application enabled',
    `Service principal "${sp.value.displayName}" (object ID ${sp.value.id}) exists and is enabled.`,
  );
}

/** The reason used when the service principal does not exist (a fact, not a failed read). */
export const NO_SERVICE_PRINCIPAL: Blocker = {
  detail:
    'PCEmail has no enterprise application (service principal), so nothing can be granted to it yet (see app.service-principal)',
  fix: 'Create the enterprise application (see app.service-principal), then check again.',
};

/** PCEmail's service principal, or why it is not there. A disabled one is still returned. */
export function servicePrincipalOf({ snapshot }: JudgeContext): Available<ServicePrincipal> {
  const sp = snapshot.servicePrincipal;
  if (sp === undefined) {
    return {
      ok: false,
      blocker: {
        detail: "PCEmail's enterprise application was not looked up",
        fix: 'Run the check again.',
      },
    };
  }
  if (!sp.ok) {
    return {
      ok: false,
      blocker: blockerFromError(sp.error, "PCEmail's enterprise application", APPLICATION_READ),
    };
  }
  if (sp.value === null) return { ok: false, blocker: NO_SERVICE_PRINCIPAL };
  return { ok: true, value: sp.value };
}

function describeApp(app: AppRegistration): string {
  const created = app.createdDateTime ? Date.parse(app.createdDateTime) : Number.NaN;
  const when = Number.isNaN(created) ? '' : `, created ${formatDate(created)}`;
  return `"${app.displayName}" (appId ${app.appId}${when})`;
}

function describeAudience(audience: string): string {
  switch (audience) {
    case 'AzureADMultipleOrgs':
      return 'accounts in any organization';
    case 'AzureADandPersonalMicrosoftAccount':
      return 'any organization and personal Microsoft accounts';
    case 'PersonalMicrosoftAccount':
      return 'personal Microsoft accounts only';
    default:
      return 'not single-tenant';
  }
}
