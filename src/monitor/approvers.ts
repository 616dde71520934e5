/** Object ids compare case-insensitively; a user without one is no approver (APPROVERS). */
export function isApprover(approvers: readonly string[], aadObjectId: string | undefined): boolean {
  if (!aadObjectId) return false;
  const wanted = aadObjectId.toLowerCase();
  return approvers.some((id) => id.toLowerCase() === wanted);
}
