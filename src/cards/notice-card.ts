import {
  adaptiveCard,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type TextColor,
} from './adaptive-card';
import { cardTitle } from './card-parts';
import { plainText } from './plain-text';
import { forMatching } from '../domain/bounded-text';

export type NoticeTone = 'info' | 'warning' | 'error';

export interface NoticeCardView {
  title: string;
  /** Plain sentences; only the first line of each is shown, so a stack trace never reaches Teams. */
  lines: string[];
  tone: NoticeTone;
  actions?: CardAction[];
}

const TONE_COLOR: Record<NoticeTone, TextColor> = {
  info: 'default',
  warning: 'warning',
  error: 'attention',
};

/** A line that looks like a stack frame ("at fn (file.js:1:2)") is dropped. */
const STACK_FRAME = /^at\s.*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/u;

const NOTICE_LINE_MAX_LENGTH = 600;

export function renderNoticeCard(view: NoticeCardView): AdaptiveCard {
  const title = plainText(view.title, 150);
  const lines = view.lines
    .map((line) => firstLine(line))
    .filter((line) => line.length > 0 && !STACK_FRAME.test(line))
    .map((line) => plainText(line, NOTICE_LINE_MAX_LENGTH));
  return adaptiveCard({
    body: [
      { ...cardTitle(title), color: TONE_COLOR[view.tone], size: 'medium' },
      ...lines.map((line, i) => textBlock(line, { spacing: i === 0 ? 'medium' : 'small' })),
    ],
    ...(view.actions ? { actions: view.actions } : {}),
    fallbackText: title,
  });
}

function firstLine(text: string): string {
  // Cut before matching: a notice line may carry outside text of any length.
  return (forMatching(String(text)).split(/\r\n|\r|\n/u)[0] ?? '').trim();
}
