/**
 * toValidateJson gives equal deadlines, outputs and issues of different rows as one object (the
 * printer then stringifies each once); the data is what each row's own values give, even when
 * two rows share a text but not the rest.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import type { Analysis, TaskRow } from '../../src/engine/model';
import { toValidateJson, validateJsonSchema, validateJsonToPrint, type ValidateRowJson } from '../../src/contract/validate-json';
import { ListMadeAsPrinted } from '../../src/contract/made-as-printed';
import { jsonLinePieces } from '../../src/cli/json-pieces';
import { engineWording } from '../../src/i18n/engine';
import { syntheticPlan, toGrid } from '../../src/testing/plans';

type TaskJson = Extract<ValidateRowJson, { kind: 'task' }>;

function analysis(): Analysis {
  const res = analyzeSheet(toGrid(syntheticPlan(400).sheet), { asOf: '2024-07-15', wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  return res.analysis;
}

function tasks(a: Analysis): TaskJson[] {
  return toValidateJson(a, 'plan.xlsx').rows.filter((r): r is TaskJson => r.kind === 'task');
}

/** The JSON the row's own values give, built without sharing anything. */
function ownJson(t: TaskRow) {
  const d = t.deadline;
  return {
    deadline: { text: d.text, kind: d.kind, due: d.due, start: d.start, steps: d.steps.map((s) => ({ due: s.due, text: s.text })), every: [...d.every], onDemand: d.onDemand, offset: d.offset ? { ...d.offset } : null },
    output: { text: t.cells.output?.text ?? '', kind: t.outputKind },
    issues: t.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })),
  };
}

test('rows with the same deadline, output and issue share one object for each, with the data of each row', () => {
  const a = analysis();
  const rows = tasks(a);
  validateJsonSchema.parse(toValidateJson(a, 'plan.xlsx'));
  expect(rows).toHaveLength(a.tasks.length);
  rows.forEach((row, i) => expect(JSON.stringify({ deadline: row.deadline, output: row.output, issues: row.issues })).toBe(JSON.stringify(ownJson(a.tasks[i]!))));
  // One object per distinct value (the synthetic plan repeats its deadline words and issues).
  const distinct = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size;
  const issues = rows.flatMap((r) => r.issues);
  expect(new Set(rows.map((r) => r.deadline)).size).toBe(distinct(rows.map((r) => r.deadline)));
  expect(new Set(rows.map((r) => r.output)).size).toBe(distinct(rows.map((r) => r.output)));
  expect(new Set(issues).size).toBe(distinct(issues));
  expect(distinct(issues)).toBeLessThan(issues.length / 4);
});

test('the same text with other values is not shared: each row keeps its own deadline, output and issue', () => {
  const a = analysis();
  const byText = new Map<string, TaskRow>();
  const twins: [TaskRow, TaskRow][] = [];
  for (const t of a.tasks) {
    const first = byText.get(t.deadline.text);
    if (first && twins.length < 3) twins.push([first, t]);
    else if (!first) byText.set(t.deadline.text, t);
  }
  expect(twins.length).toBe(3);
  // Same words, different meaning (as another plan year or a later rule could give).
  const [d1, d2, d3] = twins.map(([, t]) => t);
  d1!.deadline = { ...d1!.deadline, due: '2031-01-31', steps: [...d1!.deadline.steps, { due: '2031-01-01', text: 'thêm' }] };
  d2!.outputKind = d2!.outputKind === 'vague' ? 'measurable' : 'vague';
  d3!.issues = d3!.issues.map((i) => ({ ...i, severity: i.severity === 'error' ? 'warning' : 'error' }));
  const rows = tasks(a);
  a.tasks.forEach((t, i) => expect(JSON.stringify({ deadline: rows[i]!.deadline, output: rows[i]!.output, issues: rows[i]!.issues })).toBe(JSON.stringify(ownJson(t))));
});

test('the JSON to print is the same text as toValidateJson, each row made only as it is printed', () => {
  // Large enough for several pieces of ~256 KiB.
  const res = analyzeSheet(toGrid(syntheticPlan(3000).sheet), { asOf: '2024-07-15', wording: engineWording('vi') });
  if (!res.ok) throw new Error(res.failure.message);
  const a = res.analysis;
  const toPrint = validateJsonToPrint(a, 'plan.xlsx');
  const text = JSON.stringify(toValidateJson(a, 'plan.xlsx'));
  expect(JSON.stringify(toPrint)).toBe(text);
  expect(Buffer.concat([...jsonLinePieces(toPrint)]).toString('utf8')).toBe(`${text}\n`);
  // The printer asks for each row once, in order, and none before it prints the row.
  const asked: number[] = [];
  const rows = toPrint.rows;
  const counted = new ListMadeAsPrinted(rows.length, (k) => {
    asked.push(k);
    return rows.at(k);
  });
  const pieces = jsonLinePieces({ ...toPrint, rows: counted });
  const first = pieces.next().value as Buffer;
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.length).toBeLessThan(rows.length / 2);
  expect(Buffer.concat([first, ...pieces]).toString('utf8')).toBe(`${text}\n`);
  expect(asked).toStrictEqual(Array.from({ length: rows.length }, (_, k) => k));
});
