/**
 * Compares what the engine recognised on a generated appendix with the generator's truth.
 * Used by the property test and by scripts/recognition-soak.ts.
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import type { ColumnRole } from '../../../src/engine/model';
import { engineWording } from '../../../src/i18n/engine';
import type { GeneratedPlan } from './layout-gen';

/** Every difference between the recognised table and the truth; empty when recovered exactly. */
export function differences(plan: GeneratedPlan): string[] {
  const res = analyzeSheet(plan.grid, { asOf: '2025-07-01', wording: engineWording('vi') });
  if (!res.ok) return [`not recognised: ${res.failure.code} ${res.failure.message}`];
  const a = res.analysis;
  const { truth } = plan;
  const out: string[] = [];
  if (a.table.headerRows.join(',') !== truth.headerRows.join(',')) out.push(`header rows ${a.table.headerRows.join(',')} ≠ ${truth.headerRows.join(',')}`);
  const roles = new Set([...Object.keys(a.table.columns), ...Object.keys(truth.columns)]) as Set<ColumnRole>;
  for (const role of roles) {
    if (a.table.columns[role] !== truth.columns[role]) out.push(`column of ${role}: ${a.table.columns[role]} ≠ ${truth.columns[role]}`);
  }
  const listed = new Map(a.rows.map((r) => [r.row, r.kind]));
  for (const [row, kind] of truth.kinds) {
    const got = listed.get(row);
    if (got !== kind) out.push(`row ${row + 1}: ${got ?? 'not listed'} ≠ ${kind}`);
  }
  for (const r of a.rows) {
    if (truth.kinds.has(r.row)) continue;
    if (r.row > truth.lastRow && (r.kind === 'note' || r.kind === 'blank')) continue;
    out.push(`row ${r.row + 1}: ${r.kind}, expected ${r.row > truth.lastRow ? 'a note under the table' : 'nothing'}`);
  }
  if (a.table.lastRow !== truth.lastRow) out.push(`last row ${a.table.lastRow + 1} ≠ ${truth.lastRow + 1}`);
  if (a.summary.tasks !== truth.tasks) out.push(`tasks ${a.summary.tasks} ≠ ${truth.tasks}`);
  return out;
}

/** The generated sheet as text, one line per row, for reading a failure. */
export function dump(plan: GeneratedPlan): string {
  const { grid } = plan;
  const lines = grid.values.map((row, i) => {
    const r = grid.origin.row + i;
    const kind = plan.truth.kinds.get(r) ?? (plan.truth.headerRows.includes(r) ? 'HEADER' : plan.truth.closingRows.includes(r) ? 'closing' : '');
    return `${String(r + 1).padStart(3)} ${kind.padEnd(12)} ${row.map((v) => (v === null ? '·' : JSON.stringify(v))).join(' | ')}`;
  });
  const merges = grid.merges.map((m) => `${m.top + 1}:${m.left}-${m.bottom + 1}:${m.right}`).join(' ');
  return [`seed ${plan.seed} ${plan.features.join(' ')}`, `origin ${grid.origin.row},${grid.origin.col} merges ${merges}`, ...lines].join('\n');
}
