/**
 * Two task tables side by side on one header row ("STT | Nhiệm vụ | Chủ trì | Thời gian" twice,
 * with or without an empty column between). Read as one table, the right one's columns would
 * be taken for extra columns of the left; the user is told about both instead.
 */
import { columnLetter } from '../a1';
import type { ColumnRole } from '../model';
import type { HeaderCandidate } from './find-header';
import { roleOfHeader } from './header-roles';

const WORK: ReadonlySet<ColumnRole> = new Set(['task', 'activity', 'output', 'objective']);

/** A group of header columns names a table of its own: three roles, work and a lead or deadline. */
function isTableOnItsOwn(roles: ColumnRole[]): boolean {
  const set = new Set(roles);
  return set.size >= 3 && roles.some((r) => WORK.has(r)) && (set.has('lead') || set.has('deadline'));
}

export interface SideBySide {
  /** Columns of each table as Excel names them ("A–E"). */
  first: string;
  second: string;
}

/**
 * The two tables when the header's columns split into two groups — at an empty column, or
 * where a table's first role (STT, or the task) starts again — that each name a table and
 * share at least two roles; else null. A legitimate table with an empty column inside does not
 * repeat its roles on both sides.
 */
export function sideBySideTables(header: HeaderCandidate): SideBySide | null {
  const cols = [...header.texts.keys()].sort((a, b) => a - b);
  const groups: { cols: number[]; roles: ColumnRole[] }[] = [];
  let current: { cols: number[]; roles: ColumnRole[] } | null = null;
  for (const c of cols) {
    const role = roleOfHeader(header.texts.get(c) ?? '') ?? header.roles.get(c) ?? null;
    const gap = current !== null && c - current.cols[current.cols.length - 1] > 1;
    const restart = current !== null && role !== null && (role === 'stt' || role === current.roles[0]) && current.roles.includes(role);
    if (!current || gap || restart) groups.push((current = { cols: [], roles: [] }));
    current.cols.push(c);
    if (role) current.roles.push(role);
  }
  for (let i = 0; i + 1 < groups.length; i++) {
    const [a, b] = [groups[i], groups[i + 1]];
    const shared = new Set(a.roles.filter((r) => b.roles.includes(r)));
    if (shared.size >= 2 && isTableOnItsOwn(a.roles) && isTableOnItsOwn(b.roles)) {
      const span = (g: number[]) => `${columnLetter(g[0])}–${columnLetter(g[g.length - 1])}`;
      return { first: span(a.cols), second: span(b.cols) };
    }
  }
  return null;
}
