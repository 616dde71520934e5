import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config';
import { consentLinks } from '../../domain/consent';
import type { Logger } from '../../logger';
import type { StoredConversation } from '../../ports/conversations';
import type { RequestBoard } from '../../ports/request-board';
import type { StateStore } from '../../store/state-store';
import type { Services } from '../build-services';
import { createConsentService, type ConsentService } from './consent-service';

/** Wires the consent use cases from the configuration and the parts the composition root made. */
export function buildConsentService(
  config: AppConfig,
  services: Pick<Services, 'consentInspection' | 'consentWriter' | 'graphScope'> &
    Partial<Pick<Services, 'delegatedGrants'>>,
  parts: {
    store: StateStore;
    board: RequestBoard;
    subscribedConversations: () => Promise<StoredConversation[]>;
    logger: Logger;
    now: () => Date;
  },
): ConsentService {
  return createConsentService({
    ...parts,
    tenant: config.tenant,
    approvers: config.approvers,
    mode: config.consentMode,
    ttlDays: config.consentRequestTtlDays,
    links: (appId, redirectUri) =>
      consentLinks({
        authorityHost: config.endpoints.authority,
        tenantId: config.tenant.id,
        appId,
        graphScope: services.graphScope,
        ...(redirectUri === undefined ? {} : { redirectUri }),
      }),
    inspect: services.consentInspection,
    writer: services.consentWriter,
    ...(config.consentMode === 'delegated' && services.delegatedGrants
      ? { delegated: services.delegatedGrants }
      : {}),
    describeApp: (appId) => services.consentWriter.readAppIdentity(appId),
    newId: randomUUID,
  });
}
