/** True when the Entra object id is one of APPROVERS (object ids compare case-insensitively). */
export function isApprover(approvers: readonly string[], aadObjectId: string | undefined): boolean {
  if (!aadObjectId) return false;
  const id = aadObjectId.toLowerCase();
  return approvers.some((approver) => approver.toLowerCase() === id);
}
