import { exchangeIdFor, guidFor, pickFor } from '../ids';
import type { Mailbox, Message, User } from '../tenant-state';

const MINUTE = 60_000;

const SUBJECTS = [
  'Order #48213 has not arrived',
  'Question about my invoice',
  'Request for a callback',
  'Password reset not working',
  'Refund for duplicate charge',
  'Change of delivery address',
  'Feedback on your new app',
  'Cancel my subscription',
  'Damaged item in parcel',
  'Where is my confirmation email?',
];

const SENDERS = [
  { name: 'Jordan Lee', address: 'jordan.lee@fabrikam.example' },
  { name: 'Priya Natarajan', address: 'priya.n@adventure-works.example' },
  { name: 'Mateo García', address: 'mateo.garcia@tailspin.example' },
  { name: 'Aiko Tanaka', address: 'aiko@northwind.example' },
  { name: 'Sam Okafor', address: 'sam.okafor@wingtip.example' },
  { name: 'Elena Petrova', address: 'elena.petrova@litware.example' },
];

function message(address: string, index: number, received: Date, isRead: boolean): Message {
  const label = `${address}:${index}`;
  const subject = SUBJECTS[pickFor(`subject:${label}`, SUBJECTS.length)] ?? 'Hello';
  const from = SENDERS[pickFor(`sender:${label}`, SENDERS.length)] ?? {
    name: 'Customer',
    address: 'customer@example.com',
  };
  return {
    id: exchangeIdFor(`message:${label}`),
    subject,
    bodyPreview: `Hello, ${subject.toLowerCase()}. Could you please have a look? Thanks, ${from.name}`,
    receivedDateTime: received.toISOString().replace('.000', ''),
    isRead,
    from,
  };
}

/**
 * A deterministic Inbox: 4–8 messages, newest first. PCEmail marks what it ingests as read, so a
 * healthy mailbox has only minutes-old unread mail; a backlog has unread mail over a day old.
 */
function buildMailbox(address: string, now: Date, backlog = false): Mailbox {
  const count = 4 + pickFor(`count:${address}`, 5);
  const unread = backlog ? 3 : 1 + pickFor(`unread:${address}`, 2);
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const isUnread = i < unread;
    const minutesAgo = isUnread
      ? (backlog ? 26 * 60 + i * 11 * 60 : 1 + i * 3) + pickFor(`gap:${address}:${i}`, 3)
      : 45 + i * 53 + pickFor(`gap:${address}:${i}`, 20) + (backlog ? 4 * 24 * 60 : 0);
    messages.push(message(address, i, new Date(now.getTime() - minutesAgo * MINUTE), !isUnread));
  }
  return { inboxFolderId: exchangeIdFor(`inbox:${address}`), messages };
}

export interface UserOptions {
  /** false = the user has no Exchange Online mailbox. */
  mailbox?: boolean;
  backlog?: boolean;
}

export function buildUser(
  address: string,
  displayName: string,
  now: Date,
  options: UserOptions = {},
): User {
  const lower = address.toLowerCase();
  return {
    id: guidFor(`user:${lower}`),
    displayName,
    userPrincipalName: lower,
    mail: options.mailbox === false ? null : lower,
    mailbox: options.mailbox === false ? null : buildMailbox(lower, now, options.backlog),
  };
}
