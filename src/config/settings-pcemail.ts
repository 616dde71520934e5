import { RESTRICTION_SETTINGS, type RestrictionSetting } from '../domain';
import {
  integer,
  isAllowedEndpoint,
  looksLikeMailbox,
  optionalGuid,
  optionalText,
  printable,
  splitList,
  text,
  type Parser,
} from './parsers';
import { group } from './setting';

const mailboxes: Parser<string[]> = (raw, { name, problems }) => {
  const items = splitList(raw);
  for (const mailbox of items) {
    if (!looksLikeMailbox(mailbox)) {
      problems.push(
        `${name} has "${printable(mailbox)}", which is not a mailbox address: use name@domain, separated by commas.`,
      );
    }
  }
  return items;
};

const mailbox: Parser<string | undefined> = (raw, { name, problems }) => {
  if (raw && !looksLikeMailbox(raw)) {
    problems.push(`${name} is "${printable(raw)}", which is not a mailbox address.`);
  }
  return raw;
};

/** auto (default) | access-policy | rbac, case-insensitive. */
const restrictionModel: Parser<RestrictionSetting> = (raw, { name, problems }) => {
  const word = (raw ?? 'auto').toLowerCase();
  const known = RESTRICTION_SETTINGS.find((s) => s === word);
  if (known === undefined) {
    problems.push(`${name} is "${printable(word)}": use auto, access-policy or rbac.`);
    return 'auto';
  }
  return known;
};

/** A Key Vault secret identifier, {vault}/secrets/{name}, trailing slash removed. */
const keyVaultSecretUrl: Parser<string | undefined> = (raw, { name, problems }) => {
  if (raw === undefined) return undefined;
  // https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret: {vault}/secrets/{name}
  const ok = /^https?:\/\/[^/\s]+\/secrets\/[0-9A-Za-z-]{1,127}\/?$/.test(raw);
  if (!ok || (raw.startsWith('http:') && !isAllowedEndpoint(raw))) {
    problems.push(
      `${name} is "${printable(raw)}": use https://<vault>.vault.azure.net/secrets/<name>.`,
    );
    return undefined;
  }
  return raw.replace(/\/+$/, '');
};

export const PCEMAIL_SETTINGS = group('PCEmail', {
  PCEMAIL_APP_ID: {
    doc: 'client id of the PCEmail app registration; **required with `CONSENT_MODE=grant` or `delegated`** (a grant never goes to an app found by name)',
    defaultText: 'found by display name',
    parse: optionalGuid('the Application (client) ID of PCEmail'),
  },
  PCEMAIL_APP_NAME: {
    doc: 'display name to look for when `PCEMAIL_APP_ID` is empty',
    defaultText: '`PCEmail`',
    parse: text('PCEmail'),
  },
  PCEMAIL_CLIENT_SECRET: {
    doc: 'the PCEmail secret **value**; enables the checks that sign in as PCEmail',
    defaultText: 'unset',
    secret: true,
    parse: optionalText,
  },
  PCEMAIL_MAILBOXES: {
    doc: 'comma-separated mailboxes PCEmail operates on',
    defaultText: 'empty',
    parse: mailboxes,
  },
  PCEMAIL_OUT_OF_SCOPE_MAILBOX: {
    doc: 'a mailbox PCEmail must NOT be able to read (proves the restriction)',
    defaultText: 'unset',
    parse: mailbox,
  },
  RESTRICTION_MODEL: {
    doc: 'how PCEmail is limited to its mailboxes: `access-policy` (Entra consent + application access policy), `rbac` (RBAC for Applications, no Entra Mail consent) or `auto` (recognised from the evidence); see *Restriction models*',
    defaultText: '`auto`',
    parse: restrictionModel,
  },
});

export const ROTATION_SETTINGS = group('Secret rotation', {
  ROTATION_SECRET_MONTHS: {
    doc: 'lifetime of a PCEmail secret made by **Rotate now** (1–24 months)',
    defaultText: '`12`',
    parse: integer(12, 1, 24),
  },
  ROTATION_QUIET_HOURS: {
    doc: 'hours the old secret must stay unused before **Remove old secret** is offered',
    defaultText: '`24`',
    parse: integer(24, 1, 24 * 30),
  },
  PCEMAIL_SECRET_KEYVAULT_URL: {
    doc: 'the Key Vault secret (`https://<vault>.vault.azure.net/secrets/<name>`) Rotate now writes the new value to with the managed identity; the Bicep sets it when `ROTATION_WRITES_KEYVAULT=true`',
    defaultText: 'unset (the dialog says who must update `PCEMAIL_CLIENT_SECRET`)',
    parse: keyVaultSecretUrl,
  },
});
