/**
 * The report sheet as an administrative document (Decree 30/2020/NĐ-CP, Appendix I): its parts
 * in the decree's order and places, each in the decree's font, size and style; the page set up
 * as the decree sets it; the report's words only — never an issue code or a class key — in
 * Vietnamese and in English; one number format per column; wrapped list cells tall enough.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import { ISSUE_CODES } from '../../src/engine/issues';
import type { Analysis, Lang, SheetCell, SheetModel } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';
import { buildReport, FONT_SIZES, REPORT_FONT, TASK_CLASSES, wrappedLines, type PeriodId } from '../../src/report';
import { toGrid } from '../../src/testing/plans';
import { cellAddress } from './formula-eval';
import { PLAN_2024 } from './plan-fixture';
import { sampleSheet } from '../../scripts/sample-plan';

function analyse(plan: Parameters<typeof toGrid>[0], lang: Lang, asOf: string): Analysis {
  const result = analyzeSheet(toGrid(plan), { asOf, wording: engineWording(lang) });
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

function sheetOf(plan: Parameters<typeof toGrid>[0], period: PeriodId, lang: Lang, document = {}): SheetModel {
  return buildReport(analyse(plan, lang, '2024-09-14'), { period, year: 2024, lang, madeOn: '2024-09-18', document }).sheet;
}

function cellWith(sheet: SheetModel, text: string): SheetCell {
  const cell = sheet.cells.find((c) => c.value === text);
  if (!cell) throw new Error(`no cell "${text}" on ${sheet.name}`);
  return cell;
}

/** The merge a cell heads (or the cell alone). */
function spanOf(sheet: SheetModel, cell: SheetCell): { left: number; right: number } {
  const m = sheet.merges.find((x) => x.top === cell.row && x.left === cell.col);
  return m ? { left: m.left, right: m.right } : { left: cell.col, right: cell.col };
}

describe('the sample plan\'s Q3 report as a decree document', () => {
  const sheet = sheetOf(sampleSheet(), 'Q3', 'vi', { place: 'Bình An', signerTitle: 'KT. Giám đốc\nPhó Giám đốc', signerName: 'Trần Thị Bình', recipients: ['Sở Nội vụ (để báo cáo)', 'Giám đốc Sở (để báo cáo)'] });
  const at = (text: string) => cellWith(sheet, text);

  test('the header: agencies upper left (from the plan\'s title rows), national title and motto upper right, number and place-date under them', () => {
    const governing = at('UBND TỈNH BÌNH AN');
    const agency = at('SỞ CÔNG THƯƠNG');
    const title = at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = at('Độc lập - Tự do - Hạnh phúc');
    // The plan cites its own plan as 12/KH-SCT: the report is numbered …/BC-SCT.
    const number = at('Số: …/BC-SCT');
    const placeDate = at('Bình An, ngày … tháng … năm 2024');
    expect([governing.row, agency.row, number.row]).toEqual([0, 1, 3]);
    expect([title.row, motto.row, placeDate.row]).toEqual([0, 1, 3]);
    for (const c of [governing, agency, number]) expect(spanOf(sheet, c)).toEqual({ left: 0, right: 3 });
    for (const c of [title, motto, placeDate]) expect(spanOf(sheet, c)).toEqual({ left: 4, right: 10 });
    expect(governing).toMatchObject({ fontSize: FONT_SIZES.agency, horizontalAlignment: 'center' });
    expect(governing.bold).toBeFalsy();
    expect(agency).toMatchObject({ fontSize: FONT_SIZES.agency, bold: true });
    expect(title).toMatchObject({ fontSize: FONT_SIZES.nationalTitle, bold: true });
    expect(motto).toMatchObject({ fontSize: FONT_SIZES.motto, bold: true, underline: true });
    expect(number).toMatchObject({ fontSize: FONT_SIZES.number });
    expect(placeDate).toMatchObject({ fontSize: FONT_SIZES.placeDate, italic: true });
  });

  test('the parts in the decree\'s order: type, summary, period, body (I–V), recipients beside the signer', () => {
    const order = [
      'Số: …/BC-SCT',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính quý III năm 2024',
      '(Số liệu tính từ ngày 15/06/2024 đến ngày 14/09/2024)',
      'I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH',
      'II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ',
      'III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH',
      'V. DÒNG CẦN HOÀN THIỆN DỮ LIỆU (đơn vị chủ trì, thời hạn, sản phẩm)',
      'Nơi nhận:',
    ].map((t) => at(t).row);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
    const upcoming = sheet.cells.find((c) => String(c.value).startsWith('IV. NHIỆM VỤ ĐẾN HẠN TRONG KỲ TIẾP THEO (quý IV năm 2024'))!;
    expect(upcoming.row).toBeGreaterThan(order[6]);
    expect(upcoming.row).toBeLessThan(order[7]);
    expect(at('BÁO CÁO')).toMatchObject({ fontSize: FONT_SIZES.type, bold: true, horizontalAlignment: 'center' });
    expect(at('Kết quả thực hiện công tác cải cách hành chính quý III năm 2024')).toMatchObject({ fontSize: FONT_SIZES.summary, bold: true, horizontalAlignment: 'center' });
    expect(at('I. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH')).toMatchObject({ fontSize: FONT_SIZES.body, bold: true });

    // The closing: "Nơi nhận" (bold italic 12) and its list (11) at the left; the signer's title
    // lines and, after room to sign, the name at the right (bold 14).
    const recipients = at('Nơi nhận:');
    expect(recipients).toMatchObject({ fontSize: FONT_SIZES.recipientsHeading, bold: true, italic: true });
    expect(['- Sở Nội vụ (để báo cáo);', '- Giám đốc Sở (để báo cáo);', '- Lưu: VT.'].map((t) => at(t).row)).toEqual([1, 2, 3].map((i) => recipients.row + i));
    expect(at('- Lưu: VT.')).toMatchObject({ fontSize: FONT_SIZES.recipients });
    const signer = ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Bình'].map(at);
    expect(signer.map((c) => c.row)).toEqual([recipients.row, recipients.row + 1, recipients.row + 2 + 4]);
    for (const c of signer) {
      expect(c).toMatchObject({ fontSize: FONT_SIZES.signer, bold: true, horizontalAlignment: 'center' });
      expect(spanOf(sheet, c)).toEqual({ left: 4, right: 10 });
    }
    expect(spanOf(sheet, recipients)).toEqual({ left: 0, right: 3 });
  });

  test('every word in Times New Roman; tables a point smaller than the body', () => {
    const texts = sheet.cells.filter((c) => c.value !== '' && c.value !== undefined);
    expect(texts.every((c) => c.fontName === REPORT_FONT)).toBe(true);
    const sizes = new Set(texts.map((c) => c.fontSize));
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(11);
    expect(cellWith(sheet, 'Lĩnh vực cải cách').fontSize).toBe(FONT_SIZES.table);
    expect(cellWith(sheet, 'CẢI CÁCH THỂ CHẾ').fontSize).toBe(FONT_SIZES.table);
  });

  test('A4 landscape, the decree\'s margins, page numbers in the top margin from page two, no running head', () => {
    expect(sheet.print).toEqual({
      orientation: 'landscape',
      paper: 'A4',
      repeatRows: null,
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      pageNumbers: { where: 'header', fontName: REPORT_FONT, fontSize: 13, skipFirst: true },
    });
  });

  test('the tables still total with formulas and the list cells still link back to the appendix', () => {
    const totals = sheet.cells.filter((c) => c.value === 'Tổng cộng').map((c) => c.row);
    expect(totals).toHaveLength(2);
    for (const r of totals) for (const col of [2, 8, 9, 10]) expect(sheet.cells.find((c) => c.row === r && c.col === col)?.formula).toMatch(/^=/);
    const linked = sheet.cells.filter((c) => c.link);
    expect(linked.length).toBeGreaterThan(20);
    expect(linked.every((c) => c.link!.sheet === 'Phụ lục')).toBe(true);
  });

  test('a due date in the lists is never broken over two lines', () => {
    const dates = sheet.cells.filter((c) => typeof c.value === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(c.value) && c.row > 0);
    expect(dates.length).toBeGreaterThan(0);
    for (const c of dates) {
      const span = spanOf(sheet, c);
      let width = 0;
      for (let col = span.left; col <= span.right; col++) width += sheet.columnWidths[col];
      expect([cellAddress(c), wrappedLines(c.value as string, width, c.fontSize, c.bold)]).toEqual([cellAddress(c), 1]);
    }
  });

  test('wrapped list cells get rows tall enough for every line (LibreOffice does not grow them)', () => {
    const widths = sheet.columnWidths;
    const listCells = sheet.cells.filter((c) => c.link && typeof c.value === 'string');
    for (const c of listCells) {
      const span = spanOf(sheet, c);
      let width = 0;
      for (let col = span.left; col <= span.right; col++) width += widths[col];
      const lines = wrappedLines(c.value as string, width, c.fontSize, c.bold);
      expect(lines).toBeGreaterThanOrEqual(1);
      expect([cellAddress(c), (sheet.rowHeights?.[c.row] ?? 15) >= lines * (c.fontSize ?? 11) * 1.3]).toEqual([cellAddress(c), true]);
    }
  });
});

describe.each<[Lang, PeriodId]>([
  ['vi', 'Q3'],
  ['en', 'Q3'],
  ['vi', 'Y'],
  ['en', 'H1'],
])('%s report %s: the report\'s words only', (lang, period) => {
  const sheets = [sheetOf(sampleSheet(), period, lang), sheetOf(PLAN_2024, period, lang)];

  test('no issue code and no class key anywhere; problems by their titles, reasons joined with "; "', () => {
    for (const sheet of sheets) {
      const text = sheet.cells.map((c) => String(c.value ?? '')).join('\n');
      for (const code of ISSUE_CODES.filter((c) => c.includes('-'))) expect([sheet.name, code, text.includes(code)]).toEqual([sheet.name, code, false]);
      for (const cls of TASK_CLASSES) expect(text).not.toContain(cls);
      expect(text).not.toMatch(/Mã kiểm tra|Check codes/);
    }
    // The sample has rows with two problems: their reasons are one cell, joined with "; ".
    const quality = sheets[0].cells.filter((c) => c.col === 6 && c.link && String(c.value).includes('; '));
    expect(quality.length).toBeGreaterThan(0);
    const problems = lang === 'vi' ? 'Thiếu đơn vị chủ trì; Sản phẩm chưa đo lường được' : 'Lead unit missing; Output without a target';
    expect(sheets[0].cells.some((c) => c.value === problems)).toBe(true);
  });

  test('one number format per column of each table, and no "(%)" over values that carry "%"', () => {
    for (const sheet of sheets) {
      const formats = new Map<string, Set<string | undefined>>();
      for (const c of sheet.cells) {
        if (typeof c.value !== 'number' && c.formula === undefined) continue;
        if (c.link) continue; // list cells: days, whole numbers in General
        const key = String(c.col);
        if (!formats.has(key)) formats.set(key, new Set());
        formats.get(key)!.add(c.numberFormat);
      }
      for (const [col, set] of formats) expect([col, [...set]]).toEqual([col, [[...set][0]]]);
      const text = sheet.cells.map((c) => String(c.value ?? '')).join('\n');
      expect(text).not.toContain('(%)');
    }
  });
});
