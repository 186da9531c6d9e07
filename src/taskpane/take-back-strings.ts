/**
 * The words of "taking it back" (TakeBack.tsx), Vietnamese first, English second, NFC. Kept beside
 * the component so that the pane's main strings (strings.ts) stay one table per view.
 */
import type { Lang } from '../engine/model';
import { lostList, type LostCounts } from '../i18n/take-back';

export interface TakeBackStrings {
  title: string;
  intro: string;
  removeHighlights: string;
  removeBlock: string;
  working: string;
  highlightsRemoved: string;
  blockRemoved: (columns: string[]) => string;
  keptColumns: (columns: string[]) => string;
  unrecorded: string;
  confirmTitle: string;
  confirmBody: (lost: LostCounts) => string;
  confirmRemove: string;
  cancel: string;
}

const VI: TakeBackStrings = {
  title: 'Gỡ phần đã thêm',
  intro: 'Trả trang tính về như trước khi kiểm tra: nội dung và định dạng các ô hiện có được giữ nguyên.',
  removeHighlights: 'Gỡ tô màu',
  removeBlock: 'Gỡ cột theo dõi',
  working: 'Đang gỡ…',
  highlightsRemoved: 'Đã gỡ tô màu của tiện ích; tô màu của bạn được giữ nguyên.',
  blockRemoved: (columns) =>
    columns.length > 0 ? `Đã gỡ tô màu và cột theo dõi (cột ${columns.join(', ')}).` : 'Đã gỡ tô màu, cột phụ và ô “Tính đến ngày”.',
  keptColumns: (columns) => `Giữ nguyên cột ${columns.join(', ')}: cột có sẵn của bảng, không do tiện ích tạo.`,
  unrecorded: 'Sổ không ghi cột theo dõi nào do tiện ích tạo (được kiểm tra bằng phiên bản cũ), nên không cột nào bị xoá.',
  confirmTitle: 'Gỡ cột theo dõi?',
  confirmBody: (lost) => `Các cột theo dõi đang có ${lostList(lost, 'vi')} đã điền. Gỡ cột sẽ xoá những dữ liệu này; các ô khác của bảng được giữ nguyên.`,
  confirmRemove: 'Gỡ và xoá dữ liệu',
  cancel: 'Huỷ',
};

const EN: TakeBackStrings = {
  title: 'Remove what was added',
  intro: 'Give the sheet back as it was before the check: the content and format of the cells already there are kept.',
  removeHighlights: 'Remove highlights',
  removeBlock: 'Remove tracking columns',
  working: 'Removing…',
  highlightsRemoved: "Removed the add-in's highlights; your own highlights are kept.",
  blockRemoved: (columns) => (columns.length > 0 ? `Removed the highlights and the tracking columns (${columns.join(', ')}).` : 'Removed the highlights, the helper column and the as-of cell.'),
  keptColumns: (columns) => `Kept column ${columns.join(', ')}: the table's own, not created by the add-in.`,
  unrecorded: 'The workbook does not record which tracking columns the add-in created (checked by an older version), so no column was removed.',
  confirmTitle: 'Remove the tracking columns?',
  confirmBody: (lost) => `The tracking columns hold ${lostList(lost, 'en')}. Removing the columns deletes them; the table's other cells are kept.`,
  confirmRemove: 'Remove and delete the data',
  cancel: 'Cancel',
};

export function takeBackStrings(lang: Lang): TakeBackStrings {
  return lang === 'en' ? EN : VI;
}
