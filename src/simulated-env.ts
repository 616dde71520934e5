import { readConfig } from './config';

/**
 * Settings the simulated tenant supplies in place of the operator's own. The simulated tenant has
 * its own mailboxes, so the operator's lists are not used there — but a value that would be refused
 * against a real tenant is still reported, not silently dropped.
 */
const REPLACED_BUT_CHECKED = ['PCEMAIL_MAILBOXES', 'PCEMAIL_OUT_OF_SCOPE_MAILBOX'] as const;

/** The environment pointed at the simulated tenant, and the operator's settings that are wrong. */
export function withSimulatedTenant(
  env: NodeJS.ProcessEnv,
  simulatorEnv: Record<string, string>,
): { env: NodeJS.ProcessEnv; problems: string[] } {
  const merged: NodeJS.ProcessEnv = { ...env, ...simulatorEnv };
  const problems: string[] = [];
  for (const name of REPLACED_BUT_CHECKED) {
    const own = env[name];
    if (own === undefined || own.trim() === '') continue;
    const probe = readConfig({ ...merged, [name]: own }, { simulated: true });
    if (!probe.ok) problems.push(...probe.problems.filter((p) => p.startsWith(`${name} `)));
  }
  return { env: merged, problems };
}
