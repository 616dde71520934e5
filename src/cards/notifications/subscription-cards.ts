import {
  adaptiveCard,
  factSet,
  richTextBlock,
  textBlock,
  textRun,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { cardTitle, simulatedBanner, SIMULATED_BOT_BANNER } from '../card-parts';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { describeCron, describeReminderDays } from './schedule-words';

export interface ChannelView {
  label: string;
  kind: 'personal' | 'channel' | 'groupChat';
  subscribedBy: string;
  subscribedAt: string;
  /** Credentials snoozed here: description and until when. */
  snoozes: { credential: string; until: string }[];
  here: boolean;
}

export interface NotificationsOverviewView {
  simulated: boolean;
  channels: ChannelView[];
  watchedApps: string[];
  reminderDays: number[];
  schedules: { secretExpiry?: string; ingestion?: string; digest?: string; timezone: string };
  mailboxCount: number;
  backlogMinutes: number;
  externalJobs: boolean;
  canManage: boolean;
}

/** `notifications`: what is posted, where, and when. */
export function renderNotificationsOverviewCard(view: NotificationsOverviewView): AdaptiveCard {
  const body: CardElement[] = [
    cardTitle('Notifications'),
    ...(view.simulated ? [simulatedBanner(SIMULATED_BOT_BANNER)] : []),
    textBlock(
      view.channels.length === 0
        ? 'No channel receives notifications yet. An approver types "notify here" in a channel to start.'
        : `Posted to ${view.channels.length === 1 ? '1 conversation' : `${view.channels.length} conversations`}:`,
      { spacing: 'medium' },
    ),
    ...view.channels
      .slice(0, 40)
      .map((channel) =>
        textBlock(
          `${plainText(channel.label, 120)}${channel.here ? ' (this one)' : ''} — subscribed by ${plainText(channel.subscribedBy, 60)} on ${formatUtc(channel.subscribedAt)}` +
            (channel.snoozes.length
              ? `; snoozed: ${channel.snoozes.map((s) => `${plainText(s.credential, 120)} until ${formatUtc(s.until)}`).join('; ')}`
              : ''),
          { spacing: 'small' },
        ),
      ),
    ...(view.channels.length > 40
      ? [textBlock(`…and ${view.channels.length - 40} more.`, { isSubtle: true })]
      : []),
    textBlock('What is posted:', { weight: 'bolder', spacing: 'medium' }),
    factSet([
      {
        title: 'Secret expiry',
        value: `Reminders for the client secrets and certificates of ${view.watchedApps.map((a) => plainText(a, 80)).join(', ')} ${describeReminderDays(view.reminderDays)}; each once per channel. Checked ${describeSchedule(view.schedules.secretExpiry)}.`,
      },
      {
        title: 'Mailbox ingestion',
        value: `A card when one of the ${view.mailboxCount} PCEmail mailboxes becomes degraded (unread mail older than ${view.backlogMinutes} min), failing (unreachable) or recovers. Swept ${describeSchedule(view.schedules.ingestion)}.`,
      },
      {
        title: 'Digest',
        value: `A row per mailbox with an overall verdict, once a day: ${describeSchedule(view.schedules.digest)}.`,
      },
      { title: 'Time zone', value: plainText(view.schedules.timezone, 60) },
    ]),
    ...customSchedules(view.schedules),
    ...(view.externalJobs
      ? [
          textBlock('An external scheduler may also run these jobs (POST /api/jobs/…).', {
            isSubtle: true,
          }),
        ]
      : []),
    textBlock(
      view.canManage
        ? 'You are an approver: "notify here" subscribes a conversation, "stop notifications" unsubscribes it, and Snooze on a reminder silences it for 7 days in that channel.'
        : 'Only approvers (APPROVERS) can subscribe or unsubscribe a channel and snooze reminders.',
      { isSubtle: true, spacing: 'medium' },
    ),
  ];
  return adaptiveCard({ body, fallbackText: 'Notifications' });
}

function describeSchedule(cron: string | undefined): string {
  if (cron === undefined)
    return 'only when an external scheduler calls it (in-process schedule off)';
  return describeCron(cron) ?? 'on its own schedule (below)';
}

/** Schedules with no words of their own, as the cron itself in a code font (never markdown). */
function customSchedules(schedules: NotificationsOverviewView['schedules']): CardElement[] {
  const named: [string, string | undefined][] = [
    ['Secret expiry', schedules.secretExpiry],
    ['Mailbox ingestion', schedules.ingestion],
    ['Digest', schedules.digest],
  ];
  return named.flatMap(([name, cron]) =>
    cron !== undefined && describeCron(cron) === undefined
      ? [
          richTextBlock(
            [
              textRun(`${name} schedule (cron): `, { isSubtle: true }),
              textRun(cron.slice(0, 60), { fontType: 'monospace' }),
            ],
            { spacing: 'small' },
          ),
        ]
      : [],
  );
}

export interface SubscriptionChangeView {
  title: string;
  lines: string[];
  tone: 'good' | 'warning' | 'attention' | 'default';
  simulated: boolean;
}

/** The answer to `notify here`, `stop notifications` and a refused attempt. */
export function renderSubscriptionCard(view: SubscriptionChangeView): AdaptiveCard {
  return adaptiveCard({
    body: [
      { ...cardTitle(plainText(view.title, 150)), size: 'medium', color: view.tone },
      ...(view.simulated ? [simulatedBanner(SIMULATED_BOT_BANNER)] : []),
      ...view.lines.map((line, i) => textBlock(line, { spacing: i === 0 ? 'medium' : 'small' })),
    ],
    fallbackText: plainText(view.title, 150),
  });
}
