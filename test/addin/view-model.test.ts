/**
 * What the pane derives from an analysis: column roles per column and how a correction moves a
 * role from one column to another.
 */
import { applyCorrection, columnViews, groupIssues, tableRangeAddress } from '../../src/taskpane/view-model';
import { makeAnalysis } from './memory-host';
import { samplePlan } from './sample-plan';

const analysis = makeAnalysis(samplePlan('vi'));

describe('column views', () => {
  it('list every table column left to right with its header and role', () => {
    const views = columnViews(analysis);
    expect(views.map((v) => [v.letter, v.role])).toEqual([
      ['A', 'stt'], ['B', 'task'], ['C', 'output'], ['D', 'deadline'], ['E', 'lead'], ['F', 'support'], ['G', 'note'],
    ]);
    expect(views[4].header).toBe('Chủ trì thực hiện');
    expect(views.every((v) => !v.corrected)).toBe(true);
  });

  it('show a column without a role and mark corrected roles', () => {
    const a = makeAnalysis({ ...samplePlan('vi'), columns: { stt: 0, task: 1, output: 2, deadline: 3, lead: 5 }, corrected: ['lead'] });
    const views = columnViews(a);
    expect(views[4]).toMatchObject({ letter: 'E', role: null, corrected: false });
    expect(views[5]).toMatchObject({ letter: 'F', role: 'lead', corrected: true });
  });
});

describe('corrections', () => {
  const h = (col: number) => analysis.table.headers[col] ?? '';
  const e = (role: string, col: number) => ({ role, header: h(col) });

  it('give a role to a column and take it from the column that had it, each remembering its header', () => {
    expect(applyCorrection(analysis, undefined, 'F', 'lead')).toEqual({ F: e('lead', 5), E: e('none', 4) });
    expect(h(4)).toBe('Chủ trì thực hiện');
  });

  it('keep earlier corrections and clear an earlier claim on the same role (stored with or without a header)', () => {
    expect(applyCorrection(analysis, { G: 'status', F: 'lead', E: 'none' }, 'G', 'lead')).toEqual({ G: e('lead', 6), F: e('none', 5), E: e('none', 4) });
    expect(applyCorrection(analysis, { G: e('status', 6), F: e('lead', 5) } as never, 'G', 'lead')).toEqual({ G: e('lead', 6), F: e('none', 5), E: e('none', 4) });
  });

  it('let a column lose its role without touching the others', () => {
    expect(applyCorrection(analysis, { G: 'status' }, 'F', 'none')).toEqual({ G: 'status', F: e('none', 5) });
  });
});

describe('issue groups', () => {
  it('put errors first, in the order of the rules, rows in sheet order, each row addressed across the table', () => {
    const groups = groupIssues(analysis);
    expect(groups.map((g) => [g.code, g.severity, g.items.map((i) => i.address)])).toEqual([
      ['lead-missing', 'error', ['A8:G8', 'A13:G13']],
      ['deadline-missing', 'error', ['A12:G12']],
      ['output-missing', 'error', ['A12:G12']],
      ['overdue', 'error', ['A10:G10']],
      ['output-unquantified', 'warning', ['A11:G11']],
      ['due-soon', 'info', ['A7:G7']],
    ]);
    expect(tableRangeAddress(analysis)).toBe('A4:G13');
  });
});
