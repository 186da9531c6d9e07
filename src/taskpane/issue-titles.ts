/** Short titles of issue codes for the pane's group headers (src/i18n/issues.ts); the code itself
 * for a code that has none. */
import { ISSUE_TITLES } from '../i18n/issues';
import type { IssueCode, Lang } from '../engine/model';

export function issueTitle(code: IssueCode, lang: Lang): string {
  return ISSUE_TITLES[code]?.[lang] ?? code;
}
