/**
 * Every verb a card of PCEmail Ops sends back, in one place: cards emit them and
 * `bot/actions/` registers a parser and a handler for each (see docs/ARCHITECTURE.md §3).
 * Action.Execute verbs arrive as `adaptiveCard/action` invokes; the two dialog verbs of the
 * rotation arrive as `task/fetch` and `task/submit` invokes (Action.Submit with `msteams.type`).
 */
export const CARD_VERBS = {
  check: {
    /** "Run again" / "Try again" on the check card. */
    run: 'checkPermissions.run',
  },
  consent: {
    /** On the check card: ask for admin consent for what is missing. */
    request: 'consent.request',
    approve: 'consent.approve',
    reject: 'consent.reject',
    /** Link mode: "I have consented" — re-check the tenant now. */
    check: 'consent.check',
    /** `refresh` of the request card: the current state, for the user who views it. */
    refresh: 'consent.refresh',
  },
  setup: {
    verify: 'setup.verify',
    next: 'setup.next',
    back: 'setup.back',
    cancel: 'setup.cancel',
    show: 'setup.show',
    startOver: 'setup.startOver',
    done: 'setup.done',
  },
  troubleshoot: {
    symptom: 'troubleshoot.symptom',
    menu: 'troubleshoot.menu',
    explain: 'troubleshoot.explain',
  },
  notify: {
    /** Snooze 7 days on a secret-expiry reminder (approvers, per channel). */
    snooze: 'notify.snooze',
    checkNow: 'notify.checkNow',
  },
  rotation: {
    /** Rotate now: a dialog (task/fetch). */
    start: 'rotation.start',
    /** CONSENT_MODE=delegated: Rotate now as an Action.Execute, so that Teams signs the approver in. */
    begin: 'rotation.begin',
    /** CONSENT_MODE=delegated: the dialog that shows the value created in the signed-in turn, once. */
    reveal: 'rotation.reveal',
    /** The dialog's "I have saved it" (task/submit). */
    saved: 'rotation.saved',
    check: 'rotation.check',
    confirmInUse: 'rotation.confirmInUse',
    confirmQuiet: 'rotation.confirmQuiet',
    removeOld: 'rotation.removeOld',
    discardNew: 'rotation.discardNew',
  },
} as const;

type Leaves<T> = { [K in keyof T]: T[K] extends string ? T[K] : Leaves<T[K]> }[keyof T];

/** Any verb a card can send. */
export type CardVerb = Leaves<typeof CARD_VERBS>;

/**
 * Help and welcome card buttons are Action.Submit (a message activity, not an invoke) whose data
 * names a chat command in this field; the bot runs it as if it were typed.
 */
export const COMMAND_FIELD = 'command';
