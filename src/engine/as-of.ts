/**
 * The as-of cell (validation.md, "The as-of date"): one cell of the sheet, labelled "Tính đến
 * ngày", that the highlights compare the due dates with. It holds =TODAY() unless a review as
 * of a cut-off fixes a day in it; the sheet-local name CCHC_AsOf points at it, so the rules
 * read it wherever it stands.
 */
import type { RecognisedTable } from './model';
import type { SheetView } from './table/sheet-view';

/** The name of the as-of cell, local to the appendix sheet. */
export const AS_OF_NAME = 'CCHC_AsOf';
/** The name of the done wordings (an array constant), local to the appendix sheet. */
export const DONE_NAME = 'CCHC_Done';

export const AS_OF_LABEL_TEXT = { vi: 'Tính đến ngày', en: 'As of' } as const;
/** The hidden helper column's header: how a later run finds the column again. */
export const HELPER_HEADER = { vi: 'Mã tình trạng', en: 'Status code' } as const;

export interface AsOfPlace {
  row: number;
  labelCol: number;
  valueCol: number;
}

type BlockColumns = Record<'status' | 'doneDate' | 'result' | 'dueDate' | 'check', number>;

const LABELS: readonly string[] = [AS_OF_LABEL_TEXT.vi, AS_OF_LABEL_TEXT.en];

/**
 * Just above the block's header, the label over "Kết quả thực hiện" and the date over "Hạn
 * chót", when those two cells are free (empty, or ours from an earlier run: the label, and a
 * date); else in the header's first row, right of the helper column.
 */
export function placeAsOf(view: SheetView, table: RecognisedTable, columns: BlockColumns, helper: number): AsOfPlace {
  const top = table.headerRows[0];
  const above = top - 1;
  const labelCol = columns.result;
  const valueCol = columns.dueDate;
  if (above >= 0 && labelCol + 1 === valueCol) {
    const label = view.text(above, labelCol);
    const value = view.value(above, valueCol);
    const free = (c: number) => view.mergeAt(above, c) === undefined;
    const labelOk = (label === '' || LABELS.includes(label)) && free(labelCol);
    const valueOk = (value === null || value === '' || (typeof value === 'number' && LABELS.includes(label))) && free(valueCol);
    if (labelOk && valueOk) return { row: above, labelCol, valueCol };
  }
  return { row: top, labelCol: helper + 1, valueCol: helper + 2 };
}

/** A header-row text the tool writes beside the block (the helper's header, the as-of label). */
export function isBlockAddition(text: string): boolean {
  return text === HELPER_HEADER.vi || text === HELPER_HEADER.en || LABELS.includes(text);
}
