import { describeUnsafeText } from './unsafe-text';

/** RFC 5321 limits: 64 characters before the @, 254 in all. */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
/**
 * Characters allowed before the @: RFC 5322's atext minus the backtick and $, which no Exchange
 * Online primary SMTP address needs and which mean something to PowerShell.
 */
const LOCAL_CHAR = /^[A-Za-z0-9!#%&'*+/=?^_{|}~.-]$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** Most addresses an admin lists for one app; more is a paste gone wrong. */
export const MAX_MAILBOXES = 50;

/**
 * What is wrong with a mailbox (or mail-enabled group) address, as a phrase that follows it
 * ('"support@contoso" has no domain ending, …'); undefined for an address we accept.
 */
export function describeAddressProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  const unsafe = describeUnsafeText(value);
  if (unsafe !== undefined) return unsafe;
  if (/\s/.test(value)) return 'contains a space';
  if (value.length > MAX_ADDRESS)
    return `has ${value.length} characters; an address has at most ${MAX_ADDRESS}`;
  const at = value.lastIndexOf('@');
  if (at < 0) return 'has no @; use the full address, such as support@contoso.com';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return 'has nothing before the @';
  if (local.length > MAX_LOCAL)
    return `has ${local.length} characters before the @; at most ${MAX_LOCAL} are allowed`;
  for (const ch of local) {
    if (!LOCAL_CHAR.test(ch))
      return `contains ${JSON.stringify(ch)}, which a mailbox address cannot contain here`;
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'has a dot at the start or end of the name, or two dots in a row';
  }
  const labels = domain.split('.');
  if (domain.length === 0) return 'has nothing after the @';
  if (labels.length < 2) return `has no domain ending after the @ (such as ${domain}.com)`;
  const bad = labels.find((label) => !DOMAIN_LABEL.test(label));
  if (bad !== undefined) {
    return bad.length === 0
      ? 'has an empty part in the domain (two dots in a row, or a dot at the end)'
      : `has the domain part ${JSON.stringify(bad)}, which is not a valid domain name`;
  }
  return undefined;
}

/** "a@x.com, b@x.com; c@x.com" (commas, semicolons, spaces or lines) → the addresses, once each. */
export function splitAddresses(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\s]+/u)) {
    if (part.length === 0) continue;
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(part);
  }
  return out;
}
