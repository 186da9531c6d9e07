/**
 * Bench of the report: a generated appendix of N tasks (sections, several lead units per cell,
 * statuses and done-dates) → analyzeSheet once → buildReport (model + sheet) and reportJson,
 * timed. Run alone with `npx tsx src/bench/report.ts [tasks…]`, or from the main bench.
 */
import { analyzeSheet } from '../engine/analyze';
import { isoToSerial } from '../engine/dates';
import type { CellValue, Grid } from '../engine/model';
import { buildReport, reportJson } from '../report';
import { layOutPlan, toGrid, type OutlineSection, type OutlineTask } from '../testing/plans';
import { engineWording } from '../i18n/engine';

export interface ReportBenchResult {
  name: string;
  tasks: number;
  /** Milliseconds: median of the runs. */
  analyseMs: number;
  reportMs: number;
  jsonMs: number;
  sheetCells: number;
}

const LEADS = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Kế hoạch - Tài chính', 'Phòng Tổ chức cán bộ', 'Chi cục Thủy lợi', 'văn phòng sở'];
const DEADLINES = ['Quý I/2024', 'Tháng 02/2024', 'Trước ngày 15/05/2024', 'Quý III/2024', 'Thường xuyên', 'Theo quy định', 'Năm 2024'];
const STATUSES: CellValue[] = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', null];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** A plan of `tasks` rows in 8 sections, deterministic. */
export function generatedPlan(tasks: number): Grid {
  const sections: OutlineSection[] = [];
  const perSection = Math.ceil(tasks / ROMAN.length);
  for (let i = 0; i < tasks; i++) {
    if (i % perSection === 0) sections.push({ id: ROMAN[i / perSection], title: `LĨNH VỰC CẢI CÁCH SỐ ${i / perSection + 1}`, groups: [] });
    const status = STATUSES[i % STATUSES.length];
    const lead = i % 7 === 0 ? `${LEADS[i % LEADS.length]}; ${LEADS[(i + 1) % LEADS.length]}` : LEADS[i % LEADS.length];
    const task: OutlineTask = {
      stt: String(i + 1),
      task: `Nhiệm vụ thứ ${i + 1}: rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính`,
      output: i % 3 === 0 ? 'Kế hoạch' : 'Báo cáo kết quả thực hiện',
      lead,
      support: 'Các phòng, đơn vị',
      deadline: DEADLINES[i % DEADLINES.length],
      status,
      doneDate: status === 'Hoàn thành' ? isoToSerial(i % 2 ? '2024-02-10' : '2024-04-20') : null,
    };
    sections[sections.length - 1].groups.push({ tasks: [task] });
  }
  const { sheet } = layOutPlan({
    sheetName: 'Phụ lục',
    titleRows: [{ cells: ['SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN'] }, { cells: ['NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'] }, { cells: [] }],
    columns: [
      { role: 'stt', title: 'STT' },
      { role: 'task', title: 'Nhiệm vụ' },
      { role: 'output', title: 'Sản phẩm' },
      { role: 'lead', title: 'Chủ trì' },
      { role: 'support', title: 'Phối hợp' },
      { role: 'deadline', title: 'Thời gian hoàn thành' },
      { role: 'status', title: 'Tình trạng' },
      { role: 'doneDate', title: 'Ngày hoàn thành' },
    ],
    mergeSectionTitles: false,
    sections,
  });
  return toGrid(sheet);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchReport(sizes: number[] = [100, 1000, 10000], runs = 5): ReportBenchResult[] {
  const results: ReportBenchResult[] = [];
  for (const n of sizes) {
    const grid = generatedPlan(n);
    const analyse: number[] = [];
    const build: number[] = [];
    const json: number[] = [];
    let cells = 0;
    for (let run = 0; run < runs; run++) {
      let t = performance.now();
      const result = analyzeSheet(grid, { asOf: '2024-03-14', wording: engineWording('vi') });
      analyse.push(performance.now() - t);
      if (!result.ok) throw new Error(`bench plan not recognised: ${result.failure.message}`);
      t = performance.now();
      const built = buildReport(result.analysis, { period: 'Q1', year: 2024, lang: 'vi', madeOn: '2024-03-18' });
      build.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(reportJson(built.model, 'bench.xlsx'));
      json.push(performance.now() - t);
      cells = built.sheet.cells.length;
    }
    results.push({ name: `report ${n} tasks`, tasks: n, analyseMs: median(analyse), reportMs: median(build), jsonMs: median(json), sheetCells: cells });
  }
  return results;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  for (const r of benchReport(sizes.length ? sizes : undefined)) {
    console.log(`${r.name}: analyse ${r.analyseMs.toFixed(1)} ms, report ${r.reportMs.toFixed(1)} ms, json ${r.jsonMs.toFixed(1)} ms, ${r.sheetCells} sheet cells`);
  }
}
