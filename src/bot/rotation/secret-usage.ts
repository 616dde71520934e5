import type { RotationPorts } from '../../app/rotation/rotation-ports';
import type { CardElement } from '../../cards';
import { secretUsageSection } from '../../cards/rotation';
import type { Diagnosis } from '../../domain';
import { errorMessage } from '../../domain/product-error';

const DAY_MS = 86_400_000;

/**
 * The check card's "Secrets in use" rows: each PCEmail secret with its last sign-in (or why that is
 * unknown, said once), and Rotate now on those inside the reminder window. Any failure here leaves
 * the check card as it was.
 */
export async function secretUsageRows(
  ports: RotationPorts | undefined,
  diagnosis: Diagnosis,
  now: Date,
): Promise<CardElement[]> {
  const appId = diagnosis.facts?.appId;
  if (!ports || !appId) return [];
  try {
    const read = await ports.secrets(appId);
    if (!read.ok || read.secrets.length === 0) return [];
    const usage = await ports.usage(
      appId,
      read.secrets.map((s) => s.keyId),
    );
    const window = ports.reminderWindowDays * DAY_MS;
    return secretUsageSection({
      appId,
      usage,
      signIn: ports.delegated !== undefined,
      secrets: read.secrets.map((s) => ({
        ...s,
        rotateOffered:
          s.endDateTime !== undefined && Date.parse(s.endDateTime) - now.getTime() <= window,
      })),
    });
  } catch (error) {
    ports.logger.warn({ err: { message: errorMessage(error) } }, 'secret usage rows left out');
    return [];
  }
}
