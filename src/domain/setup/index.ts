export * from './setup-steps';
export * from './setup-inputs';
export * from './wizard-state';
export * from './step-report';
export * from './troubleshooting';
export * from './diagnosis-facts';
export * from './restriction-plan';
export { describeAddressProblem, splitAddresses, MAX_MAILBOXES } from './mailbox-address';
export { describeUnsafeText } from './unsafe-text';
export { quotePowerShell } from './powershell-literal';
export {
  generateRestrictionScripts,
  type RestrictionScriptInput,
  type RestrictionScripts,
  type ScriptField,
  type ScriptProblem,
  type ScriptResult,
} from './restriction-script';
export {
  EXTRA_MAILBOXES_PER_CLICK,
  mailboxesForNonApprover,
  reachabilityOnly,
} from './mailbox-privacy';
export type { CardNotice } from './card-notice';
