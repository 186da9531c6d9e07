/** Issue messages in Vietnamese and English. STUB: to be replaced. */
import type { IssueCode, IssueParams, Lang, Severity } from '../engine/model';

export const SEVERITY: Record<IssueCode, Severity> = {
  'lead-missing': 'error',
  'deadline-missing': 'error',
  'deadline-unparsed': 'error',
  'deadline-not-fixed': 'warning',
  'deadline-before-plan': 'warning',
  'output-missing': 'error',
  'output-unquantified': 'warning',
  overdue: 'error',
  'milestone-missed': 'warning',
  'due-soon': 'info',
};

export function issueMessage(code: IssueCode, params: IssueParams, lang: Lang): string {
  void params; void lang;
  return code;
}
