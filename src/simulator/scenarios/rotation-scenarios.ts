import { PCEMAIL_APP_ID, INSPECTOR_SP_ID } from './healthy-tenant';
import type { ScenarioDefinition, ScenarioDraft } from './scenario';
import { appByAppId, assignGraphRole, daysFrom, passwordCredential } from './tenant-edits';

/**
 * A tenant ready for a guided secret rotation: PCEmail's secret expires in 20 days; the bot
 * (the inspector's service principal) owns PCEmail and holds Application.ReadWrite.OwnedBy
 * (https://learn.microsoft.com/graph/api/application-addpassword) and AuditLog.Read.All; Emplifi
 * Agent signs in as PCEmail every hour and switches to a new secret 10 minutes after it is added.
 */
function rotationTenant(d: ScenarioDraft, options: { licensed: boolean; owner: boolean }): void {
  // Its own label: a key id no other scenario uses (the secret-id-pasted scenario configures the
  // healthy secret's key id as if it were a value).
  const credential = passwordCredential(
    'pcemail:rotating',
    'PCEmail for Emplifi Agent',
    710,
    730,
    d.now,
  );
  const app = appByAppId(d.state, PCEMAIL_APP_ID);
  app.passwordCredentials = [credential];
  app.ownerIds = [
    ...(app.ownerIds ?? []).filter((id) => id !== INSPECTOR_SP_ID),
    ...(options.owner ? [INSPECTOR_SP_ID] : []),
  ];
  d.product.pcemailSecret = credential.secretValue;
  const inspector = d.state.servicePrincipals.find((sp) => sp.id === INSPECTOR_SP_ID);
  if (inspector) {
    assignGraphRole(d.state, inspector, 'Application.ReadWrite.OwnedBy', 30, d.now);
    assignGraphRole(d.state, inspector, 'AuditLog.Read.All', 30, d.now);
  }
  d.state.signInLogs = {
    licensed: options.licensed,
    agent: {
      appId: PCEMAIL_APP_ID,
      intervalMinutes: 60,
      switchAfterMinutes: 10,
      periods: [{ keyId: credential.keyId, from: daysFrom(d.now, -30) }],
    },
  };
}

export const rotationScenarios: ScenarioDefinition[] = [
  {
    name: 'rotation',
    description:
      "PCEmail's secret expires in 20 days; the bot owns PCEmail and may read sign-in logs; Emplifi Agent switches to a new secret 10 minutes after it is added.",
    intent: { 'secret.expiry': 'warn' },
    apply: (d) => rotationTenant(d, { licensed: true, owner: true }),
  },
  {
    name: 'rotation-no-licence',
    description:
      'As rotation, but the tenant has no Entra ID P1/P2 licence: the sign-in logs answer 403.',
    intent: { 'secret.expiry': 'warn' },
    apply: (d) => rotationTenant(d, { licensed: false, owner: true }),
  },
  {
    name: 'rotation-not-owner',
    description:
      'As rotation, but the bot does not own PCEmail: addPassword answers 403 Authorization_RequestDenied.',
    intent: { 'secret.expiry': 'warn' },
    apply: (d) => rotationTenant(d, { licensed: true, owner: false }),
  },
];
