import { randomUUID } from 'node:crypto';
import {
  auditRecord,
  isOpen,
  type ConsentAuditKind,
  type ConsentRequest,
  type GrantStep,
  type Person,
} from '../../domain/consent';
import type { StoredConversation } from '../../ports/conversations';
import type { ConsentServiceDeps } from './consent-deps';
import { appendAudit, forgetOpen } from './consent-records';
import { requestView } from './request-view';
import { errorMessage } from '../../domain/product-error';

/**
 * Shows a changed request to everyone: every message that carries it is replaced in place
 * (RequestBoard.update), and a request that is closed leaves the job's list. Teams failures are
 * logged, not thrown: the stored request is the truth, and the next change updates again.
 */
export async function publishRequest(
  deps: ConsentServiceDeps,
  request: ConsentRequest,
): Promise<void> {
  const view = requestView(deps, request);
  await Promise.all(
    request.copies.map(async (copy) => {
      const conversation = (await deps.store.get<StoredConversation>(copy.conversationKey))?.value;
      if (!conversation) return;
      const outcome = await deps.board.update(conversation, copy.activityId, view);
      if (!outcome.ok) {
        deps.logger.warn(
          {
            requestId: request.id,
            conversation: copy.conversationKey,
            reason: outcome.reason,
            status: outcome.status,
          },
          'could not update a consent request card',
        );
      }
    }),
  );
  if (!isOpen(request)) {
    await forgetOpen(deps.store, request.id).catch((error: unknown) =>
      deps.logger.warn(
        { err: { message: errorMessage(error) } },
        'could not clear an open-request marker',
      ),
    );
  }
}

/** Stores one audit record; a storage failure is logged (the decision itself is already stored). */
export async function audit(
  deps: ConsentServiceDeps,
  kind: ConsentAuditKind,
  request: ConsentRequest,
  actor: Person,
  extra: { steps?: readonly GrantStep[]; detail?: string; rights?: 'approver' | 'bot' } = {},
): Promise<void> {
  const record = auditRecord({ id: randomUUID(), now: deps.now(), kind, request, actor, ...extra });
  try {
    await appendAudit(deps.store, record);
  } catch (error) {
    deps.logger.error(
      { err: { message: errorMessage(error) }, record },
      'could not store a consent audit record',
    );
  }
  deps.logger.info({ audit: record }, `consent ${kind}`);
}
