/** The one-line summary of a check: the results show it, the live region says it. */
import type { Analysis } from '../engine/model';
import type { UiStrings } from './strings';

export function summaryText(t: UiStrings, analysis: Analysis): string {
  const s = analysis.summary;
  return s.errors + s.warnings + s.infos === 0 ? t.noIssues(s.tasks) : t.summary(s.tasks, s.errors, s.warnings, s.infos);
}
