import type {
  AppIdentity,
  CheckRow,
  ConsentGap,
  ConsentLinks,
  ConsentMode,
} from '../../domain/consent';
import type { Logger } from '../../logger';
import type { StoredConversation } from '../../ports/conversations';
import type { RequestBoard } from '../../ports/request-board';
import type { StateStore } from '../../store/state-store';
import type { ConsentGrantWriter } from '../../ports/consent-writer';
import type { OboResult } from '../../ports/on-behalf-of';

/** What the tenant says about consent right now: the gap, and the consent checks' verdicts. */
export interface ConsentInspection {
  gap: ConsentGap;
  consentChecks: CheckRow[];
}

/**
 * CONSENT_MODE=delegated: the approver's Teams sign-in is exchanged on-behalf-of the bot for
 * Graph's delegated AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All;
 * Microsoft Entra then lets the write through only for a Privileged Role Administrator or Global
 * Administrator. The bot itself holds no right to grant (docs/DEPLOYMENT.md).
 */
export interface DelegatedGrants {
  exchange(userToken: string): Promise<OboResult>;
  /** A writer that uses this delegated token (for this one approval). */
  writerFor(accessToken: string): ConsentGrantWriter;
}

/** Everything the consent use cases need; built by the composition root, replaced in tests. */
export interface ConsentServiceDeps {
  store: StateStore;
  now: () => Date;
  /** Posts request cards and replaces every copy when a request changes (bot/ renders them). */
  board: RequestBoard;
  /** The conversations subscribed with `notify here` (requests go to each of them). */
  subscribedConversations: () => Promise<StoredConversation[]>;
  logger: Logger;
  tenant: { id: string; mode: 'live' | 'simulated' };
  /** Entra object ids of the people who may approve (APPROVERS). */
  approvers: readonly string[];
  mode: ConsentMode;
  /** Days until an undecided request expires (CONSENT_REQUEST_TTL_DAYS). */
  ttlDays: number;
  links: (appId: string, redirectUri?: string) => ConsentLinks;
  /** Re-reads the tenant; throws ProductError when the inspector cannot sign in or reach Graph. */
  inspect: () => Promise<ConsentInspection>;
  writer: ConsentGrantWriter;
  /** CONSENT_MODE=delegated: the approver's sign-in, exchanged on-behalf-of, grants instead of the bot. */
  delegated?: DelegatedGrants;
  /** Owners, creation date and publisher domain of the app, for the request card. */
  describeApp?: (appId: string) => Promise<AppIdentity | undefined>;
  newId: () => string;
}
