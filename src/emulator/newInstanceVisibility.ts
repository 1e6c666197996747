/**
 * SCP may accept a create before its GET can find the new instance. The admin operation hideNewInstances
 * reproduces that: show answers 404 for an instance until `hideSeconds` have passed since its creation, while
 * the cluster lookup and check-duplication already see it. 0 (the default) hides nothing.
 */
export function hiddenAsNew(createdIso: string, nowMs: number, hideSeconds: number): boolean {
  if (hideSeconds <= 0) return false;
  const created = Date.parse(createdIso);
  return Number.isFinite(created) && nowMs - created < hideSeconds * 1000;
}
