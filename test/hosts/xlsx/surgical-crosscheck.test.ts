/**
 * The surgical writer against the reference executor: on the test plans, the engine's change
 * sets (validate's tracking block, report's tracking block + report sheet) applied by the
 * surgical writer and by the exceljs executor (apply.ts) give workbooks that exceljs reads back
 * the same — every value, the formats the change sets set, widths, heights, merges,
 * validations, highlight rules, page setup and print titles — and so does a second run on the
 * first run's copy.
 */
import { analyzeSheet } from '../../../src/engine/analyze';
import type { Analysis, ChangeSet } from '../../../src/engine/model';
import { surgicalCopy } from '../../../src/hosts/xlsx/surgical';
import { engineWording } from '../../../src/i18n/engine';
import { buildReport } from '../../../src/report';
import { districtPlan, syntheticPlan, toGrid, type PlanSheet, type PlanWorkbook } from '../../../src/testing/plans';
import { buildWorkbook } from '../../../src/testing/plans/xlsx';
import { planWorkbook } from './fixtures/plan-tnmt';
import { PLAN_2024 } from '../../report/plan-fixture';
import { exceljsCopy, loadWorkbook, workbookFacts } from './surgical-helpers';

const AS_OF = '2024-03-10';

function analyse(sheet: PlanSheet, date1904 = false): Analysis {
  const result = analyzeSheet(toGrid(sheet, date1904), { asOf: AS_OF, wording: engineWording('vi') });
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

/** The plan as the user's file: exceljs-written, with a note, a validation, a highlight rule
 * and an internal link of the user's own where the plan is the TNMT fixture. */
async function userFile(plan: PlanWorkbook, withUserParts: boolean): Promise<Buffer> {
  const workbook = buildWorkbook(plan);
  if (withUserParts) {
    const ws = workbook.getWorksheet('Phụ lục')!;
    ws.getCell('C10').note = 'Phối hợp với Sở Tư pháp';
    ws.getCell('H10').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Kinh phí thường xuyên,Kinh phí không thường xuyên"'] };
    ws.addConditionalFormatting({
      ref: 'G9:G30',
      rules: [{ type: 'expression', priority: 1, formulae: ['ISNUMBER(SEARCH("2023",G9))'], style: { font: { color: { argb: 'FF7030A0' } } } }],
    });
    workbook.getWorksheet('Hướng dẫn')!.getCell('A3').value = { text: 'Mọi vướng mắc liên hệ Văn phòng Sở.', hyperlink: "#'Phụ lục'!A6" };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Case {
  name: string;
  plan: () => PlanWorkbook;
  sheet: (plan: PlanWorkbook) => PlanSheet;
  userParts: boolean;
}

const CASES: Case[] = [
  { name: 'the TNMT plan with the user’s note, validation, rule and link', plan: () => planWorkbook(), sheet: (p) => p.sheets[1], userParts: true },
  { name: 'the TNMT plan in the 1904 date system', plan: () => planWorkbook({ date1904: true }), sheet: (p) => p.sheets[1], userParts: false },
  { name: 'the report plan with its tracking columns filled', plan: () => ({ sheets: [PLAN_2024] }), sheet: (p) => p.sheets[0], userParts: false },
  { name: 'a 300-task district plan', plan: () => districtPlan(300).workbook, sheet: (p) => p.sheets[0], userParts: false },
  { name: 'a 400-row synthetic plan', plan: () => ({ sheets: [syntheticPlan(400).sheet] }), sheet: (p) => p.sheets[0], userParts: false },
];

async function compare(input: Buffer, changes: ChangeSet[]): Promise<{ surgical: Buffer; reference: Buffer }> {
  const surgical = surgicalCopy(input, changes, { now: new Date(Date.UTC(2024, 2, 10)) }).bytes;
  const reference = await exceljsCopy(input, changes);
  expect(workbookFacts(await loadWorkbook(surgical))).toEqual(workbookFacts(await loadWorkbook(reference)));
  return { surgical, reference };
}

describe.each(CASES)('$name', ({ plan, sheet, userParts }) => {
  let input: Buffer;
  let analysis: Analysis;
  let date1904: boolean;
  beforeAll(async () => {
    const p = plan();
    date1904 = !!p.date1904;
    input = await userFile(p, userParts);
    analysis = analyse(sheet(p), date1904);
  });

  test('validate: the tracking block reads back as the exceljs executor writes it, first run and second', async () => {
    const first = await compare(input, [analysis.changes]);
    // The second run works on each writer's own first copy.
    const again = surgicalCopy(first.surgical, [analysis.changes]).bytes;
    const reference = await exceljsCopy(first.reference, [analysis.changes]);
    expect(workbookFacts(await loadWorkbook(again))).toEqual(workbookFacts(await loadWorkbook(reference)));
  });

  test('report: the tracking block and the report sheet read back as the exceljs executor writes them', async () => {
    const built = buildReport(analysis, { period: 'Q1', year: analysis.planYear, asOf: AS_OF, lang: 'vi', madeOn: AS_OF });
    const first = await compare(input, [built.changes]);
    // Building the same report again replaces the sheet in place.
    const again = surgicalCopy(first.surgical, [built.changes]).bytes;
    const reference = await exceljsCopy(first.reference, [built.changes]);
    expect(workbookFacts(await loadWorkbook(again))).toEqual(workbookFacts(await loadWorkbook(reference)));
  });
});
