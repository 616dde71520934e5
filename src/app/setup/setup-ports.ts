import type { Logger } from '../../logger';
import type { WizardStore } from '../../ports/wizard-store';
import type { PermissionCheck } from '../../app/check/permission-check';

/** What the setup wizard's use cases need (the bot's dependencies provide it). */
export interface SetupPorts {
  wizards: WizardStore;
  permissionCheck: PermissionCheck;
  /** The configured PCEmail mailboxes: a non-approver's click may check these plus a few. */
  pcemailMailboxes: readonly string[];
  tenant: { id: string };
  now: () => Date;
  logger: Logger;
}
