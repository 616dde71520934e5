import { PCEMAIL_APP_ID, PCEMAIL_SECRET_LABEL } from './healthy-tenant';
import type { ScenarioDefinition, ScenarioDraft } from './scenario';
import { appByAppId, daysFrom, passwordCredential } from './tenant-edits';
import { guidFor } from '../ids';

/** Replaces PCEmail's secret with one of the given age and lifetime, and configures the product with it. */
function pcemailSecret(d: ScenarioDraft, startDaysAgo: number, lifetimeDays: number): void {
  const credential = passwordCredential(
    PCEMAIL_SECRET_LABEL,
    'PCEmail for Emplifi Agent',
    startDaysAgo,
    lifetimeDays,
    d.now,
  );
  appByAppId(d.state, PCEMAIL_APP_ID).passwordCredentials = [credential];
  d.product.pcemailSecret = credential.secretValue;
}

/** PCEmail's client secrets. */
export const secretScenarios: ScenarioDefinition[] = [
  {
    name: 'secret-none',
    description:
      'PCEmail has no client secret or certificate, and the product has no secret configured.',
    intent: { 'secret.present': 'fail' },
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).passwordCredentials = [];
      delete d.product.pcemailSecret;
    },
  },
  {
    name: 'secret-expired',
    description:
      "PCEmail's only secret expired 10 days ago and is the one configured (AADSTS7000222).",
    intent: { 'secret.expiry': 'fail', 'secret.works': 'fail' },
    apply: (d) => pcemailSecret(d, 740, 730),
  },
  {
    name: 'secret-expiring',
    description: "PCEmail's secret expires in 20 days.",
    intent: { 'secret.expiry': 'warn' },
    apply: (d) => pcemailSecret(d, 710, 730),
  },
  {
    name: 'secret-too-long',
    description:
      "PCEmail's secret was created with a 3-year lifetime (the vendor asks for at most 2).",
    intent: { 'secret.expiry': 'warn' },
    apply: (d) => pcemailSecret(d, 182, 1095),
  },
  {
    name: 'secret-id-pasted',
    description:
      "The product was given the secret's ID (keyId) instead of its value (AADSTS7000215).",
    intent: { 'secret.works': 'fail' },
    apply: (d) => {
      const [credential] = appByAppId(d.state, PCEMAIL_APP_ID).passwordCredentials;
      if (credential) d.product.pcemailSecret = credential.keyId;
    },
  },
  {
    name: 'secret-multiple',
    description:
      'Three secrets: one expired 40 days ago, the one in use (expires in 25 days), and a newer one made 5 days ago.',
    apply: (d) => {
      const inUse = passwordCredential(
        PCEMAIL_SECRET_LABEL,
        'PCEmail for Emplifi Agent',
        705,
        730,
        d.now,
      );
      appByAppId(d.state, PCEMAIL_APP_ID).passwordCredentials = [
        passwordCredential('pcemail:old', 'PCEmail (first)', 770, 730, d.now),
        inUse,
        passwordCredential('pcemail:new', 'PCEmail rotation', 5, 730, d.now),
      ];
      d.product.pcemailSecret = inUse.secretValue;
    },
  },
  {
    name: 'certificate-expiring',
    description:
      'Healthy secret, and PCEmail also has a certificate (keyCredential) that expires in 6 days.',
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).keyCredentials = [
        {
          keyId: guidFor('key:pcemail:certificate'),
          displayName: 'CN=PCEmail',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          startDateTime: daysFrom(d.now, -359),
          endDateTime: daysFrom(d.now, 6),
        },
      ];
    },
  },
];
