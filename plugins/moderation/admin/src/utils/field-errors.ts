/**
 * The 400's issues by the form field they concern (`terms.2` → `terms`), from the body the kit's
 * `parse` answers (`error.details.issues`), so each field shows what is wrong with it.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const issues = (error as { response?: { data?: { error?: { details?: { issues?: unknown } } } } })?.response
    ?.data?.error?.details?.issues;
  if (!Array.isArray(issues)) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues as { path?: string; message?: string }[]) {
    const field = (issue.path ?? '').split('.')[0];
    if (!field || !issue.message) continue;
    byField[field] = byField[field] ? `${byField[field]}; ${issue.message}` : issue.message;
  }
  return byField;
}
