/**
 * The engine's public face: hosts and the UI import from here only.
 */
export * from './model';
export { analyzeSheet, chooseAppendixSheet, type AnalyzeOptions } from './analyze';
export { parseDeadline, parseDateCell } from './deadlines';
export { classifyOutput, isMeasurable } from './outputs';
export { parseStatus, STATUS_CHOICES } from './status';
export * as dates from './dates';
export { a1, a1Range, columnLetter, columnIndex, parseA1Range, quoteSheet } from './a1';
export { sameSheetName } from './text';
