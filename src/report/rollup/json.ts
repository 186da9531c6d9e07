/** The roll-up as the `rollup --json` contract prints it (src/contract/rollup-json.ts). */
import type { RollupJson } from '../../contract/rollup-json';
import type { ClassCounts } from '../classify';
import type { RollupModel } from './model';

function countsJson(c: ClassCounts, rate: number | null) {
  return {
    total: c.total,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    done: c.done,
    inProgress: c.inProgress,
    overdue: c.overdue,
    notDue: c.notDue,
    notFixed: c.notFixed,
    rate,
  };
}

export function rollupJson(model: RollupModel): RollupJson {
  const p = model.period;
  return {
    period: p.id,
    year: p.year,
    from: p.from,
    to: p.to,
    due: p.due,
    asOf: model.asOf,
    total: countsJson(model.total, model.totalRate),
    units: model.units.map((u) => ({ line: u.line, unit: u.unit, file: u.file, ...countsJson(u.counts, u.rate), sameUnitAs: u.sameUnitAs })),
    bySection: model.areas.map((a) => ({ area: a.name, ...countsJson(a.counts, a.rate), units: a.units })),
    overdue: model.overdue.map((t) => ({ unit: t.unit, file: t.file, row: t.row, stt: t.stt, task: t.task, lead: t.lead, due: t.due, daysLate: t.daysLate })),
    dataQuality: model.units.map((u) => ({ unit: u.unit, file: u.file, ...u.quality })),
    files: model.files.map((f) => {
      const ok = f.status === 'counted';
      return {
        file: f.file,
        ok,
        status: f.status,
        ...(!ok && f.reason ? { reason: f.reason } : {}),
        ...(ok && f.reason ? { note: f.reason } : {}),
        ...(f.agency !== null ? { agency: f.agency } : {}),
        ...(f.unit !== null ? { unit: f.unit } : {}),
        ...(f.planYear !== null ? { planYear: f.planYear } : {}),
        ...(f.tasks !== null ? { tasks: f.tasks } : {}),
        ...(f.sha256 !== null ? { sha256: f.sha256 } : {}),
        ...(f.sameUnitAs.length > 0 ? { sameUnitAs: f.sameUnitAs } : {}),
      };
    }),
  };
}
