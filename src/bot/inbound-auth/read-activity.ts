import type { Activity } from 'botbuilder';

/** Activity types a Teams channel sends a bot; anything else is acknowledged and ignored. */
export const HANDLED_ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'message',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'event',
  'endOfConversation',
  'typing',
]);

export type ReadActivity = { ok: true; activity: Activity } | { ok: false; problem: string };

/**
 * Checks the fields the adapter relies on before anything runs (the SDK would throw on some of them
 * and answer 500 with its message), and turns timestamps into Dates as the adapter does.
 */
export function readActivity(body: unknown): ReadActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: 'the body is not an activity object' };
  }
  const raw = body as Record<string, unknown>;
  if (!isShortString(raw.type, 64))
    return { ok: false, problem: 'activity type missing or invalid' };
  if (!isShortString(raw.channelId, 64))
    return { ok: false, problem: 'channelId missing or invalid' };
  if (!isHttpUrl(raw.serviceUrl))
    return { ok: false, problem: 'serviceUrl missing or not an http(s) URL' };
  const conversation = raw.conversation as { id?: unknown } | undefined;
  if (
    typeof conversation !== 'object' ||
    conversation === null ||
    !isShortString(conversation.id, 1024)
  ) {
    return { ok: false, problem: 'conversation.id missing or invalid' };
  }
  if (raw.id !== undefined && !isShortString(raw.id, 1024))
    return { ok: false, problem: 'activity id invalid' };
  const activity = { ...raw } as Record<string, unknown>;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const text = raw[field];
    if (typeof text === 'string') {
      activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = text;
      activity[field] = new Date(text);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}

/** The ids a turn's log lines carry; values come from the (authenticated) activity, bounded. */
export function turnLogFields(activity: Activity): Record<string, string | undefined> {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenantId = activity.conversation.tenantId ?? channelData?.tenant?.id;
  return {
    activityId: bounded(activity.id),
    activityType: bounded(activity.type),
    conversationId: bounded(activity.conversation.id),
    tenantId: bounded(typeof tenantId === 'string' ? tenantId : undefined),
  };
}

function bounded(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(0, 200);
}

function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
