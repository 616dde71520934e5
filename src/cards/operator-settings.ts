import {
  richTextBlock,
  textRun,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type RichTextBlock,
  type TextRun,
} from './adaptive-card';

/**
 * Settings only the person who runs the bot can change (environment variables), in the words a card
 * uses for them. A Teams admin cannot set a variable, so cards name the setting and say once, in a
 * footnote, who sets it — with the variable there and nowhere else.
 */
const SETTING_WORDS: Readonly<Record<string, string>> = {
  PCEMAIL_OUT_OF_SCOPE_MAILBOX: 'out-of-scope mailbox',
  PCEMAIL_CLIENT_SECRET: 'PCEmail secret',
  PCEMAIL_MAILBOXES: 'PCEmail mailboxes',
  PCEMAIL_APP_NAME: 'PCEmail app name',
  PCEMAIL_APP_ID: 'PCEmail app ID',
  GRAPH_CLIENT_SECRET: 'inspector secret',
  GRAPH_CLIENT_ID: 'inspector app ID',
  BOT_TENANT_ID: 'bot tenant ID',
  TENANT_ID: 'tenant ID',
  APPROVERS: 'approvers',
  BOT_ID: 'bot ID',
  AUTHORITY_HOST: 'sign-in host',
  CONSENT_MODE: 'consent mode',
  RESTRICTION_MODEL: 'restriction model',
  ALLOWED_TENANTS: 'allowed tenants',
  WATCHED_APP_IDS: 'watched apps',
  EXPIRY_REMINDER_DAYS: 'reminder days',
  INGESTION_BACKLOG_MINUTES: 'backlog minutes',
  SECRET_EXPIRY_SCHEDULE: 'secret-expiry schedule',
  INGESTION_SCHEDULE: 'ingestion schedule',
  INGESTION_DIGEST_SCHEDULE: 'digest schedule',
  SCHEDULE_TIMEZONE: 'schedule time zone',
};

const VARIABLES = Object.keys(SETTING_WORDS);

/** A variable as written, or escaped by `plainText` (`PCEMAIL\_APP\_ID`), with its article. */
const MENTION = new RegExp(
  `(\\b(?:[Tt]he|bot[’']s)\\s+)?\\b(${VARIABLES.map((v) => v.split('_').join('\\\\?_')).join('|')})\\b(\\s+setting\\b)?`,
  'gu',
);

const SETTINGS_FOOTNOTE_OWNER = 'The person who runs the bot sets ';

/**
 * Replaces every variable name in a card's visible text with the setting's words ("the PCEmail app
 * ID setting") and, when any was named, ends the body with one footnote saying who sets them.
 */
export function speakSettings(card: AdaptiveCard): AdaptiveCard {
  const used = new Set<string>();
  const say = (text: string): string =>
    text.replace(MENTION, (match, article: string | undefined, raw: string, _s, offset: number) => {
      const variable = raw.replace(/\\/gu, '');
      used.add(variable);
      const words = `${SETTING_WORDS[variable] ?? variable} setting`;
      if (article) return `${article}${words}`;
      const startsSentence = offset === 0 || /[.!?]\s+$/u.test(text.slice(0, offset));
      return `${startsSentence ? 'The' : 'the'} ${words}`;
    });
  const body = card.body.map((element) => sayElement(element, say));
  const actions = card.actions?.map((action) => sayAction(action, say));
  const fallbackText = card.fallbackText === undefined ? undefined : say(card.fallbackText);
  if (used.size === 0) return card;
  return {
    ...card,
    body: [...body, settingsFootnote([...used])],
    ...(actions ? { actions } : {}),
    ...(fallbackText === undefined ? {} : { fallbackText }),
  };
}

/** "The person who runs the bot sets the PCEmail app ID setting (PCEMAIL_APP_ID)." — no markdown. */
function settingsFootnote(variables: string[]): RichTextBlock {
  const ordered = VARIABLES.filter((v) => variables.includes(v));
  const runs: TextRun[] = [textRun(SETTINGS_FOOTNOTE_OWNER, { isSubtle: true })];
  ordered.forEach((variable, i) => {
    const joiner = i === 0 ? '' : i === ordered.length - 1 ? ' and ' : ', ';
    runs.push(
      textRun(`${joiner}the ${SETTING_WORDS[variable] ?? variable} setting (`, { isSubtle: true }),
    );
    runs.push(textRun(variable, { isSubtle: true, fontType: 'monospace' }));
    runs.push(textRun(')', { isSubtle: true }));
  });
  runs.push(textRun('; an admin in Teams cannot change them.', { isSubtle: true }));
  return richTextBlock(runs, { separator: true, spacing: 'medium' });
}

type Say = (text: string) => string;

function sayElement(element: CardElement, say: Say): CardElement {
  switch (element.type) {
    case 'TextBlock':
      return { ...element, text: say(element.text) };
    case 'RichTextBlock':
      return {
        ...element,
        inlines: element.inlines.map((run) => ({ ...run, text: say(run.text) })),
      };
    case 'FactSet':
      return {
        ...element,
        facts: element.facts.map((f) => ({ title: say(f.title), value: say(f.value) })),
      };
    case 'Container':
      return { ...element, items: element.items.map((item) => sayElement(item, say)) };
    case 'ColumnSet':
      return {
        ...element,
        columns: element.columns.map((c) => ({
          ...c,
          items: c.items.map((item) => sayElement(item, say)),
        })),
      };
    case 'ActionSet':
      return { ...element, actions: element.actions.map((a) => sayAction(a, say)) };
    case 'Input.Text':
    case 'Input.ChoiceSet':
      return {
        ...element,
        ...(element.label === undefined ? {} : { label: say(element.label) }),
        ...(element.errorMessage === undefined ? {} : { errorMessage: say(element.errorMessage) }),
      };
  }
}

function sayAction(action: CardAction, say: Say): CardAction {
  if (action.type !== 'Action.ShowCard') return { ...action, title: say(action.title) };
  return {
    ...action,
    title: say(action.title),
    card: {
      ...action.card,
      body: action.card.body.map((element) => sayElement(element, say)),
      ...(action.card.actions
        ? { actions: action.card.actions.map((a) => sayAction(a, say)) }
        : {}),
    },
  };
}
