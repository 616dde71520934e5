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
import type { WriteOutcome } from '../../tenant/consent-writer';
import type { DelegatedGrants } from './delegated-approval';

/** What the tenant says about consent right now: the gap, and the consent checks' verdicts. */
export interface ConsentInspection {
  gap: ConsentGap;
  consentChecks: CheckRow[];
}

/** The Graph writes a grant needs (implemented by tenant/ConsentWriter). */
export interface ConsentGrantWriter {
  assignAppRole(input: {
    resourceId: string;
    principalId: string;
    appRoleId: string;
  }): Promise<WriteOutcome>;
  grantOrganizationScope(input: {
    clientId: string;
    resourceId: string;
    scope: string;
  }): Promise<WriteOutcome>;
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
