/** The Node host over exceljs: read .xlsx files into grids, apply change sets, write copies;
 * openXlsxWorkbook is its WorkbookPort for the use cases. */
export { openWorkbook, readGrid, readWorkbook, readWorkbookState, listSheets, isDate1904, isSheetProtected, WorkbookOpenError } from './read';
export type { OpenFailureCode, SheetRead, SheetVisibility, WorkbookRead } from './read';
export { applyChangeSet, buildSheet, findWorksheet } from './apply';
export { ChangeSetError } from '../change-set-error';
export type { ApplyReport } from './apply';
export { writeWorkbookAtomically, WorkbookWriteError } from './write';
export type { WriteFailureCode } from './write';
export { dateToSerial, serialToDate, cellValue } from './cell-value';
export { openXlsxWorkbook, CopyError } from './port';
export type { CopyFailureCode, OpenedWorkbook, OpenOptions } from './port';
