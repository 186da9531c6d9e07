/** Words of the roll-up, Vietnamese first, English second (NFC). */
import type { Lang } from '../../engine/model';
import { ROLLUP_TITLE_PREFIXES } from '../../engine/report-marker';

export interface RollupLabels {
  sheets: { summary: string; areas: string; overdue: string; quality: string; files: string };
  title: (periodTitle: string) => string;
  heading: { summary: string; areas: string; overdue: string; quality: string; files: string };
  unitsLine: (units: number, read: number, files: number) => string;
  madeOn: (date: string) => string;
  unit: string;
  file: string;
  rank: string;
  area: string;
  unitSheet: string;
  row: string;
  quality: { tasks: string; noLead: string; noFixedDeadline: string; outputNotQuantified: string; rows: string; share: string };
  files: { read: string; yes: string; no: string; reason: string; planYear: string; tasks: string; sha256: string; note: string };
  reasons: {
    duplicate: (of: string) => string;
    otherYear: (planYear: number, year: number) => string;
    sameUnit: (others: string[]) => string;
  };
  noUnits: string;
  unitSource: (file: string, sheet: string) => string;
}

const quoted = (files: string[]) => files.map((f) => `“${f}”`).join(', ');

const VI: RollupLabels = {
  sheets: { summary: 'Tổng hợp', areas: 'Theo lĩnh vực', overdue: 'Quá hạn', quality: 'Chất lượng dữ liệu', files: 'Danh sách tệp' },
  title: (p) => `${ROLLUP_TITLE_PREFIXES[0]} ${p}`,
  heading: {
    summary: 'I. KẾT QUẢ THEO ĐƠN VỊ',
    areas: 'II. KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH (TẤT CẢ ĐƠN VỊ)',
    overdue: 'III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH CỦA CÁC ĐƠN VỊ',
    quality: 'IV. CHẤT LƯỢNG DỮ LIỆU THEO ĐƠN VỊ (cần đề nghị đơn vị bổ sung)',
    files: 'V. DANH SÁCH TỆP ĐÃ TIẾP NHẬN',
  },
  unitsLine: (units, read, files) => `Số đơn vị: ${units}. Số tệp được tính: ${read}/${files}.`,
  madeOn: (date) => `Lập ngày ${date}.`,
  unit: 'Đơn vị',
  file: 'Tệp',
  rank: 'Xếp hạng',
  area: 'Lĩnh vực cải cách',
  unitSheet: 'Trang chi tiết',
  row: 'Dòng',
  quality: {
    tasks: 'Tổng số nhiệm vụ',
    noLead: 'Chưa có đơn vị chủ trì',
    noFixedDeadline: 'Chưa có thời hạn cụ thể',
    outputNotQuantified: 'Sản phẩm chưa định lượng',
    rows: 'Số dòng cần hoàn thiện',
    share: 'Tỷ lệ dòng cần hoàn thiện (%)',
  },
  files: { read: 'Được tính', yes: 'Có', no: 'Không', reason: 'Lý do', planYear: 'Năm kế hoạch', tasks: 'Số nhiệm vụ', sha256: 'Mã SHA-256', note: 'Ghi chú' },
  reasons: {
    duplicate: (of) => `Trùng nội dung với tệp “${of}” (cùng mã SHA-256): chỉ tính một lần.`,
    otherYear: (planYear, year) => `Kế hoạch năm ${planYear}, không thuộc năm tổng hợp ${year}: không tính.`,
    sameUnit: (others) => `Cùng đơn vị với tệp ${quoted(others)}: các tệp đều được tính, đề nghị kiểm tra lại.`,
  },
  noUnits: 'Không có đơn vị nào.',
  unitSource: (file, sheet) => `${file} › ${sheet}`,
};

const EN: RollupLabels = {
  sheets: { summary: 'Summary', areas: 'By area', overdue: 'Overdue', quality: 'Data quality', files: 'Files' },
  title: (p) => `${ROLLUP_TITLE_PREFIXES[1]} — ${p}`,
  heading: {
    summary: 'I. RESULTS BY UNIT',
    areas: 'II. RESULTS BY REFORM AREA (ALL UNITS)',
    overdue: 'III. OVERDUE TASKS OF EVERY UNIT',
    quality: 'IV. DATA QUALITY BY UNIT (to send back to the units)',
    files: 'V. FILES RECEIVED',
  },
  unitsLine: (units, read, files) => `Units: ${units}. Files counted: ${read}/${files}.`,
  madeOn: (date) => `Made on ${date}.`,
  unit: 'Unit',
  file: 'File',
  rank: 'Rank',
  area: 'Reform area',
  unitSheet: 'Detail sheet',
  row: 'Row',
  quality: {
    tasks: 'Tasks',
    noLead: 'No lead unit',
    noFixedDeadline: 'No fixed deadline',
    outputNotQuantified: 'Output not quantified',
    rows: 'Rows to complete',
    share: 'Share of rows to complete (%)',
  },
  files: { read: 'Counted', yes: 'Yes', no: 'No', reason: 'Reason', planYear: 'Plan year', tasks: 'Tasks', sha256: 'SHA-256', note: 'Note' },
  reasons: {
    duplicate: (of) => `Same content as “${of}” (same SHA-256): counted once.`,
    otherYear: (planYear, year) => `A plan for ${planYear}, not the roll-up's year ${year}: not counted.`,
    sameUnit: (others) => `Same unit as ${quoted(others)}: every one of these files is counted; please check.`,
  },
  noUnits: 'No units.',
  unitSource: (file, sheet) => `${file} › ${sheet}`,
};

export function rollupLabels(lang: Lang): RollupLabels {
  return lang === 'en' ? EN : VI;
}
