import { credentialsOf, describeCredential, nameCredential, type Credential } from './credentials';
import { DAY_MS, formatDate, listWords, plural, type JudgeContext } from './judge-context';
import { fail, pass, skip, warn, type Verdict } from './verdict';

/** `secret.expiry`: the latest-expiring credential must end in more than this many days. */
const WARN_WITHIN_DAYS = 30;
/** The vendor's guidance is at most 2 years; 731 leaves room for a leap day in a "24 months" secret. */
const MAX_LIFETIME_DAYS = 731;

const NEW_SECRET =
  'Entra admin center → App registrations → PCEmail → Certificates & secrets → New client secret ' +
  '(expiry at most 24 months); copy its Value (not the Secret ID) into Emplifi Agent → External ' +
  'Mailbox Connection settings and PCEMAIL_CLIENT_SECRET';

/** `secret.present`: at least one client secret or certificate. */
export function judgeSecretPresent({ app }: JudgeContext): Verdict {
  const secrets = app.passwordCredentials.length;
  const certificates = app.keyCredentials.length;
  if (secrets + certificates === 0) {
    return fail(
      'PCEmail has no client secret',
      'The app registration has no client secret and no certificate, so PCEmail cannot sign in.',
      `${NEW_SECRET}.`,
    );
  }
  const names = credentialsOf(app).map(describeCredential);
  return pass(
    `PCEmail has ${plural(secrets, 'client secret')}${certificates ? ` and ${plural(certificates, 'certificate')}` : ''}`,
    `Credentials: ${listWords(names)}.`,
  );
}

/** `secret.expiry`: judged on the latest-expiring credential, plus any unexpired one living over 2 years. */
export function judgeSecretExpiry({ app, now }: JudgeContext): Verdict {
  const all = credentialsOf(app);
  if (all.length === 0) {
    return skip('secret.expiry', {
      detail: 'no client secret or certificate to judge (see secret.present)',
      fix: 'Create a client secret (see secret.present), then check again.',
    });
  }
  if (Number.isNaN(now)) {
    return skip('secret.expiry', {
      detail: 'the time of the check is unknown',
      fix: 'Run the check again.',
    });
  }
  const dated = all.filter((c): c is Credential & { end: number } => c.end !== undefined);
  const latest = dated.reduce<(Credential & { end: number }) | undefined>(
    (best, c) => (best === undefined || c.end > best.end ? c : best),
    undefined,
  );
  if (latest === undefined) {
    return skip('secret.expiry', {
      detail: `Entra reports no end date for ${listWords(all.map(describeCredential))}`,
      fix: 'Look at Entra admin center → App registrations → PCEmail → Certificates & secrets.',
    });
  }
  if (latest.end <= now) return allExpired(dated, latest, now);

  const left = latest.end - now;
  const daysLeft = Math.floor(left / DAY_MS);
  const expiring = left <= WARN_WITHIN_DAYS * DAY_MS;
  const longLived = dated.filter(
    (c) => c.end > now && c.start !== undefined && c.end - c.start > MAX_LIFETIME_DAYS * DAY_MS,
  );
  const latestText = `The latest-expiring credential, ${nameCredential(latest)}, expires on ${formatDate(latest.end)}: ${daysLeftText(daysLeft)}.`;
  if (!expiring && longLived.length === 0) {
    return pass(`Secret valid for ${plural(daysLeft, 'more day')}`, latestText);
  }
  const longText = longLived.map(
    (c) =>
      `${describeCredential(c)} is valid for ${plural(Math.floor((c.end - (c.start ?? c.end)) / DAY_MS), 'day')}, ` +
      'longer than the 2 years allowed.',
  );
  const fixes = [
    expiring
      ? `Rotate now: ${NEW_SECRET}; once Emplifi Agent uses the new one, delete the old one.`
      : undefined,
    longLived.length
      ? `Replace ${listWords(longLived.map((c) => describeCredential(c)))} with a secret of at most 24 months ` +
        '(Certificates & secrets → New client secret), switch Emplifi Agent to it, then delete the long-lived one.'
      : undefined,
  ].filter((f): f is string => f !== undefined);
  const title = [
    expiring ? `Secret expires in ${plural(daysLeft, 'day')}` : undefined,
    longLived.length ? 'a credential is valid for over 2 years' : undefined,
  ]
    .filter((t): t is string => t !== undefined)
    .join('; ');
  return warn(
    capitalise(title),
    [expiring ? latestText : undefined, ...longText].filter(Boolean).join(' '),
    fixes.join(' '),
  );
}

function allExpired(
  dated: readonly Credential[],
  latest: Credential & { end: number },
  now: number,
): Verdict {
  const ago = Math.floor((now - latest.end) / DAY_MS);
  return fail(
    'Every PCEmail secret has expired',
    `${dated.length === 1 ? 'The only credential' : `All ${dated.length} credentials`} expired; the latest, ` +
      `${nameCredential(latest)}, expired on ${formatDate(latest.end)} (${plural(ago, 'day')} ago).`,
    `${NEW_SECRET}; then delete the expired ones.`,
  );
}

function daysLeftText(days: number): string {
  return days === 0 ? 'less than a day left' : `${plural(days, 'day')} left`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
