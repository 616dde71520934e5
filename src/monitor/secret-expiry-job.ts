import { renderSecretReminderCard } from '../cards/notifications';
import type { JobReport } from '../jobs/job';
import type { LeasedRun } from '../jobs/leased-job';
import type { Notifier } from '../ports/notifier';
import {
  remindExpiringSecrets,
  type SecretExpiryInputs,
} from '../app/notifications/secret-expiry-reminders';

export interface SecretExpiryJobDeps extends SecretExpiryInputs {
  notifier: Notifier;
}

/**
 * The secret-expiry job (run under its lease by `build-monitor.ts`): the use case decides which
 * channel gets which reminder; each is rendered here and sent through the `Notifier`.
 */
export function runSecretExpiry(
  deps: SecretExpiryJobDeps,
  run?: LeasedRun,
): Promise<Omit<JobReport, 'ran'>> {
  return remindExpiringSecrets(
    {
      ...deps,
      post: (conversation, view) =>
        deps.notifier.post(conversation, renderSecretReminderCard(view)),
    },
    run?.signal,
  );
}
