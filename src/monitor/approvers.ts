/**
 * The Microsoft 365 Agents Playground's built-in user (DESIGN §8). Its object id is not a GUID
 * (13 digits in the last group), so it is accepted only in simulated mode with APPROVERS unset.
 */
export const PLAYGROUND_USER_ID = '00000000-0000-0000-0000-0000000000020';

/** Who may manage notifications: APPROVERS; in the simulated tenant without it, the Playground's user. */
export function resolveApprovers(approvers: readonly string[], tenantMode: 'live' | 'simulated'): string[] {
  if (approvers.length > 0) return [...approvers];
  return tenantMode === 'simulated' ? [PLAYGROUND_USER_ID] : [];
}

/** Object ids compare case-insensitively; a user without one (a guest of another channel) is no approver. */
export function isApprover(approvers: readonly string[], aadObjectId: string | undefined): boolean {
  if (!aadObjectId) return false;
  const wanted = aadObjectId.toLowerCase();
  return approvers.some((id) => id.toLowerCase() === wanted);
}
