/**
 * Short titles of issue codes for the pane's group headers, from src/i18n/issues.ts. Read
 * defensively: that module is written by another engineer and may not export titles yet, in
 * which case the code itself is shown.
 */
import * as issuesI18n from '../i18n/issues';
import type { IssueCode, Lang } from '../engine/model';

type Titles = Record<string, unknown>;

function lookup(titles: unknown, code: IssueCode, lang: Lang): string | null {
  if (!titles || typeof titles !== 'object') return null;
  const t = titles as Titles;
  // Either { vi: { code: title } } or { code: { vi: title } }.
  const byLang = t[lang];
  if (byLang && typeof byLang === 'object') {
    const s = (byLang as Titles)[code];
    if (typeof s === 'string') return s;
  }
  const byCode = t[code];
  if (byCode && typeof byCode === 'object') {
    const s = (byCode as Titles)[lang];
    if (typeof s === 'string') return s;
  }
  if (typeof byCode === 'string') return byCode;
  return null;
}

export function issueTitle(code: IssueCode, lang: Lang): string {
  const titles = (issuesI18n as unknown as Titles).ISSUE_TITLES;
  return lookup(titles, code, lang) ?? code;
}
