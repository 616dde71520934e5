import {
  ErrorCode,
  failed,
  GRAPH_APP_ID,
  succeeded,
  type AppRegistration,
  type AppRoleAssignment,
  type CheckId,
  type CheckResult,
  type Diagnosis,
  type ErrorInfo,
  type InboxSummary,
  type OAuth2PermissionGrant,
  type Outcome,
  type ResourceAccess,
  type SnapshotSettings,
  type TenantSnapshot,
} from '../../src/domain';

export const TAKEN_AT = '2025-06-01T12:00:00.000Z';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APP_ID = '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';
export const APP_OBJECT_ID = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
export const SP_ID = 'b7c8d9e0-f1a2-4b3c-9d4e-5f60718293a4';
export const GRAPH_SP_ID = 'e4d3c2b1-a098-4765-8432-10fedcba9876';
export const SECRET_KEY_ID = '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d';

export const ROLE = {
  mailReadWrite: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
  mailSend: 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
  mailRead: '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
  userReadAll: 'df021288-bdef-4463-88db-98f22de89214',
};
export const SCOPE = {
  userRead: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  mailReadWrite: '024d486e-b451-40bb-833d-3e66d98c5c73',
  mailSend: 'e383f46e-2787-4529-855e-0e479a3ffac0',
  openid: '37f7f235-527c-4136-accd-4a02d197296e',
  offlineAccess: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
};

export const MAILBOXES = ['support@contoso.com', 'sales@contoso.com'];
export const OUT_OF_SCOPE = 'ceo@contoso.com';
export const RAOP_MESSAGE =
  'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';

/** A tenant where every check passes: the starting point every test changes one thing of. */
export function healthySnapshot(): TenantSnapshot {
  return {
    tenant: { id: TENANT_ID, mode: 'simulated' },
    takenAt: TAKEN_AT,
    settings: {
      appName: 'PCEmail',
      mailboxes: [...MAILBOXES],
      outOfScopeMailbox: OUT_OF_SCOPE,
      secretConfigured: true,
      secretHint: 'k8Q',
      scopeGroup: 'pcemail-mailboxes@contoso.com',
    },
    applications: succeeded([healthyApp()]),
    servicePrincipal: succeeded({
      id: SP_ID,
      appId: APP_ID,
      displayName: 'PCEmail',
      accountEnabled: true,
    }),
    graphServicePrincipal: succeeded({
      id: GRAPH_SP_ID,
      appId: GRAPH_APP_ID,
      appRoles: [
        { id: ROLE.mailReadWrite, value: 'Mail.ReadWrite' },
        { id: ROLE.mailSend, value: 'Mail.Send' },
        { id: ROLE.mailRead, value: 'Mail.Read' },
        { id: ROLE.userReadAll, value: 'User.Read.All' },
      ],
      oauth2PermissionScopes: [
        { id: SCOPE.userRead, value: 'User.Read' },
        { id: SCOPE.mailReadWrite, value: 'Mail.ReadWrite' },
        { id: SCOPE.mailSend, value: 'Mail.Send' },
        { id: SCOPE.openid, value: 'openid' },
        { id: SCOPE.offlineAccess, value: 'offline_access' },
      ],
    }),
    appRoleAssignments: succeeded([assignment(ROLE.mailReadWrite), assignment(ROLE.mailSend)]),
    permissionGrants: succeeded([grant('AllPrincipals', 'User.Read')]),
    pcemailSignIn: succeeded({ roles: ['Mail.ReadWrite', 'Mail.Send'] }),
    mailboxes: MAILBOXES.map((address) => ({ address, inbox: succeeded(inbox(42, 3)) })),
    outOfScope: {
      address: OUT_OF_SCOPE,
      inbox: failed(graphError(403, 'ErrorAccessDenied', RAOP_MESSAGE)),
    },
  };
}

export function healthyApp(): AppRegistration {
  return {
    id: APP_OBJECT_ID,
    appId: APP_ID,
    displayName: 'PCEmail',
    createdDateTime: '2024-11-02T09:30:00Z',
    signInAudience: 'AzureADMyOrg',
    passwordCredentials: [
      {
        keyId: SECRET_KEY_ID,
        displayName: 'Emplifi Agent',
        hint: 'k8Q',
        startDateTime: '2025-01-01T00:00:00Z',
        endDateTime: '2026-12-31T00:00:00Z',
      },
    ],
    keyCredentials: [],
    requiredResourceAccess: [
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccess: [
          { id: SCOPE.userRead, type: 'Scope' },
          { id: ROLE.mailReadWrite, type: 'Role' },
          { id: ROLE.mailSend, type: 'Role' },
        ],
      },
    ],
  };
}

export type Modifier = (snapshot: TenantSnapshot) => void;

/** The healthy snapshot with the given changes applied in order. */
export function snapshot(...modifiers: Modifier[]): TenantSnapshot {
  const s = healthySnapshot();
  for (const modify of modifiers) modify(s);
  return s;
}

export const withSettings =
  (patch: Partial<SnapshotSettings>): Modifier =>
  (s) => {
    s.settings = { ...s.settings, ...patch };
  };

export const withoutSetting =
  (key: keyof SnapshotSettings): Modifier =>
  (s) => {
    delete s.settings[key];
  };

/** Changes the one PCEmail registration. */
export const withApp =
  (patch: Partial<AppRegistration>): Modifier =>
  (s) => {
    if (!s.applications.ok) throw new Error('no application to change');
    const [app] = s.applications.value;
    s.applications = succeeded([{ ...healthyApp(), ...app, ...patch }]);
  };

export const withApplications =
  (applications: Outcome<AppRegistration[]>): Modifier =>
  (s) => {
    s.applications = applications;
  };

export const withGraphPermissions =
  (...access: ResourceAccess[]): Modifier =>
  (s) =>
    withApp({ requiredResourceAccess: [{ resourceAppId: GRAPH_APP_ID, resourceAccess: access }] })(
      s,
    );

export const withFact =
  <K extends keyof TenantSnapshot>(key: K, value: TenantSnapshot[K]): Modifier =>
  (s) => {
    s[key] = value;
  };

export const withProbe =
  (address: string, result: Outcome<InboxSummary>): Modifier =>
  (s) => {
    s.mailboxes = (s.mailboxes ?? []).map((p) =>
      p.address === address ? { address, inbox: result } : p,
    );
  };

export const withOutOfScope =
  (result: Outcome<InboxSummary>): Modifier =>
  (s) => {
    s.outOfScope = { address: s.settings.outOfScopeMailbox ?? OUT_OF_SCOPE, inbox: result };
  };

/** No PCEMAIL_CLIENT_SECRET: nothing signed in as PCEmail, as the reader leaves it. */
export const withoutSecret: Modifier = (s) => {
  s.settings = { ...s.settings, secretConfigured: false };
  delete s.settings.secretHint;
  delete s.pcemailSignIn;
  delete s.mailboxes;
  delete s.outOfScope;
};

/** PCEmail's sign-in failed: nothing else was probed as PCEmail. */
export const withSignInFailure =
  (error: ErrorInfo): Modifier =>
  (s) => {
    s.pcemailSignIn = failed(error);
    delete s.mailboxes;
    delete s.outOfScope;
  };

export function assignment(appRoleId: string, resourceId = GRAPH_SP_ID): AppRoleAssignment {
  return { id: `assignment-${appRoleId}`, appRoleId, principalId: SP_ID, resourceId };
}

export function grant(
  consentType: 'AllPrincipals' | 'Principal',
  scope: string,
  resourceId = GRAPH_SP_ID,
): OAuth2PermissionGrant {
  return {
    id: `grant-${consentType}-${scope}`,
    clientId: SP_ID,
    consentType,
    principalId: consentType === 'Principal' ? 'a1b2c3d4-0000-4000-8000-000000000001' : null,
    resourceId,
    scope,
  };
}

export function inbox(totalItemCount: number, unreadItemCount: number): InboxSummary {
  return { totalItemCount, unreadItemCount };
}

export function graphError(status: number, serviceCode: string, message: string): ErrorInfo {
  return {
    code: ErrorCode.GraphRequestFailed,
    status,
    serviceCode,
    message,
    requestId: 'c0ffee00-0000-4000-8000-000000000001',
  };
}

export function unavailable(): ErrorInfo {
  return {
    code: ErrorCode.ServiceUnavailable,
    status: 503,
    message: 'Graph kept answering 503 after 3 attempts.',
  };
}

export function signInFailure(
  aadsts: number,
  message = `AADSTS${aadsts}: sign-in refused.`,
): ErrorInfo {
  return {
    code: ErrorCode.SignInFailed,
    status: 401,
    serviceCode: 'invalid_client',
    aadsts,
    message,
  };
}

/** The one row with this id (and target); fails the test when there is not exactly one. */
export function row(diagnosis: Diagnosis, id: CheckId, target?: string): CheckResult {
  const rows = diagnosis.checks.filter((c) => c.id === id && c.target === target);
  if (rows.length !== 1)
    throw new Error(`expected one ${id} row for ${target ?? 'no target'}, got ${rows.length}`);
  return rows[0]!;
}

/** Title, detail and fix of a row as one string, for "mentions these words" assertions. */
export function text(result: CheckResult): string {
  return `${result.title}\n${result.detail}\n${result.fix ?? ''}`;
}
