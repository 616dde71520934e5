import { address, OUT_OF_SCOPE_MAILBOX, SCOPE_GROUP_ID } from './healthy-tenant';
import { buildUser } from './mailbox-content';
import type { ScenarioDefinition, ScenarioDraft } from './scenario';
import { removeFromScopeGroup, userByAddress } from './tenant-edits';

function addScopedMailbox(d: ScenarioDraft, mail: string, displayName: string): void {
  const user = buildUser(mail, displayName, d.now);
  d.state.users.push(user);
  d.state.groups.find((g) => g.id === SCOPE_GROUP_ID)?.memberIds.push(user.id);
  d.product.mailboxes.push(user.userPrincipalName);
}

/** Mailboxes and the ApplicationAccessPolicy that restricts PCEmail to them. */
export const mailboxScenarios: ScenarioDefinition[] = [
  {
    name: 'mailbox-out-of-scope',
    description: `${address('sales')} is configured but not in the policy's scope group (403 "Access to OData is disabled").`,
    intent: { [`mailbox.access:${address('sales')}`]: 'fail' },
    apply: (d) => removeFromScopeGroup(d, address('sales')),
  },
  {
    name: 'mailbox-not-exchange',
    description: `${address('billing')} exists but has no Exchange Online mailbox (404 MailboxNotEnabledForRESTAPI).`,
    intent: { [`mailbox.access:${address('billing')}`]: 'fail' },
    apply: (d) => {
      const user = userByAddress(d.state, address('billing'));
      user.mailbox = null;
      user.mail = null;
    },
  },
  {
    name: 'mailbox-invalid-user',
    description: `${address('billing')} is configured but no such user exists (404 ErrorInvalidUser).`,
    intent: { [`mailbox.access:${address('billing')}`]: 'fail' },
    apply: (d) => {
      const user = userByAddress(d.state, address('billing'));
      removeFromScopeGroup(d, user.userPrincipalName);
      d.state.users = d.state.users.filter((u) => u !== user);
    },
  },
  {
    name: 'mailbox-apostrophe',
    description: `A fourth mailbox ${address("o'brien#support")} (in scope) that must be URL-encoded to be reached.`,
    apply: (d) => addScopedMailbox(d, address("o'brien#support"), "O'Brien Support"),
  },
  {
    name: 'mailbox-backlog',
    description: `${address('support')} has unread mail over a day old that PCEmail has not picked up; checks pass.`,
    apply: (d) => {
      const user = buildUser(address('support'), 'Support', d.now, { backlog: true });
      d.state.users = d.state.users.map((u) => (u.id === user.id ? user : u));
    },
  },
  {
    name: 'unrestricted',
    description:
      'No ApplicationAccessPolicy: PCEmail can read every mailbox, including the out-of-scope one.',
    intent: { 'mailbox.restricted': 'fail' },
    apply: (d) => {
      d.state.accessPolicies = [];
    },
  },
  {
    name: 'out-of-scope-not-mailbox',
    description: `The configured out-of-scope address ${address('former.ceo')} does not exist (404 ErrorInvalidUser).`,
    intent: { 'mailbox.restricted': 'warn' },
    apply: (d) => {
      d.product.outOfScopeMailbox = address('former.ceo');
    },
  },
  {
    name: 'no-out-of-scope',
    description: 'No out-of-scope mailbox is configured, so the restriction cannot be proven.',
    intent: { 'mailbox.restricted': 'warn' },
    apply: (d) => {
      delete d.product.outOfScopeMailbox;
    },
  },
  {
    name: 'many-mailboxes',
    description: `50 healthy PCEmail mailboxes (support, sales, billing and team04…team50), all in scope; ${OUT_OF_SCOPE_MAILBOX} stays out.`,
    apply: (d) => {
      for (let i = 4; i <= 50; i++) {
        const n = String(i).padStart(2, '0');
        addScopedMailbox(d, address(`team${n}`), `Team ${n}`);
      }
    },
  },
  {
    name: 'mailboxes-1000',
    description: `1,000 healthy PCEmail mailboxes (support, sales, billing and box0004…box1000), all in scope; ${OUT_OF_SCOPE_MAILBOX} stays out. For the ingestion sweep at scale.`,
    apply: (d) => {
      for (let i = 4; i <= 1000; i++) {
        const n = String(i).padStart(4, '0');
        addScopedMailbox(d, address(`box${n}`), `Mailbox ${n}`);
      }
    },
  },
  {
    name: 'paged',
    description:
      'Healthy, with a page size of 1 so that every collection of two or more items pages through @odata.nextLink.',
    pageSize: 1,
  },
];
