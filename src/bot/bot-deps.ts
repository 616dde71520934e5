import type { ExchangeEnvironment } from '../domain/cloud';
import type { Logger } from '../logger';
import type { NotificationFacts } from '../ports/notification-facts';
import type { Notifier } from '../ports/notifier';
import type { ConversationRegistry } from './conversation-registry';
import type { RotationPorts } from '../app/rotation/rotation-ports';
import type { ConsentService } from '../app/consent';
import type { PermissionCheck } from '../app/check/permission-check';
import type { Subscriptions } from '../ports/subscriptions';
import type { WizardStore } from '../ports/wizard-store';
import type { StateStore } from '../store/state-store';

/** What the bot's handlers need; built by the composition root, replaced piecemeal in tests. */
export interface BotDeps {
  logger: Logger;
  tenant: { id: string; mode: 'live' | 'simulated' };
  appName: string;
  /** Tenants whose users may talk to the bot; an activity without a tenant is refused. */
  allowedTenants: readonly string[];
  localMode: boolean;
  permissionCheck: PermissionCheck;
  /** All state goes through this port (file or Azure Blob). */
  store: StateStore;
  /** The clock; tests inject one. */
  now: () => Date;
  /** Which conversations receive notifications (`notify here`). */
  subscriptions: Subscriptions;
  /** Each admin's setup wizard, per conversation. */
  wizards: WizardStore;
  /** Conversations the bot can post into later (stored references). */
  conversations: ConversationRegistry;
  /** Posts and updates cards proactively. */
  notifier: Notifier;
  /** The configured PCEmail mailboxes: a non-approver's wizard click may check these plus a few. */
  pcemailMailboxes: readonly string[];
  /** Entra object ids of the people who may approve consent and manage notifications (APPROVERS). */
  approvers: readonly string[];
  consentMode: 'grant' | 'link' | 'delegated';
  /** Teams single sign-on of approvers (delegated mode): the exposed scope's resource, the OAuth connection. */
  sso?: { resource: string; connectionName?: string };
  /** Admin consent requests, approvals and their audit trail. */
  consent: ConsentService;
  /** Connect-ExchangeOnline's environment in a sovereign cloud, for the restriction commands. */
  exchangeEnvironment?: ExchangeEnvironment;
  /** What is posted where and when (schedules, watched apps), for `notifications`. */
  notifications?: NotificationFacts;
  /** Guided rotation of PCEmail's secret (src/app/rotation); absent in tests that do not need it. */
  rotation?: RotationPorts;
}
