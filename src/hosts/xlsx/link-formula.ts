/**
 * A link to a cell of the workbook as a HYPERLINK formula, for the .xlsx files this tool writes.
 * LibreOffice shows a cell that carries a hyperlink element on one line, clipped, however tall
 * its row and whatever its wrap setting (a task name of three lines shows its first words); the
 * same text as the result of =HYPERLINK("#'Phụ lục'!C15","…") wraps like any other cell, in
 * LibreOffice and in Excel, and still jumps to the appendix row when clicked.
 */
import { a1, quoteSheet } from '../../engine/a1';

/** Excel's limits: a text constant in a formula holds at most 255 characters, a formula 8,192. */
const MAX_CONSTANT = 255;
const MAX_FORMULA = 8192;

function textExpression(text: string): string {
  const parts: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) parts.push('CHAR(10)');
    const chars = Array.from(line);
    for (let at = 0; at < chars.length; at += MAX_CONSTANT) parts.push(`"${chars.slice(at, at + MAX_CONSTANT).join('').replace(/"/g, '""')}"`);
  });
  return parts.length === 0 ? '""' : parts.join('&');
}

/** The formula (without "=") showing `value` and jumping to the cell; null when it would be
 * longer than Excel allows (the caller then writes a plain value and a hyperlink element). */
export function linkFormula(value: string | number, link: { sheet: string; row: number; col: number }): string | null {
  const location = `#${quoteSheet(link.sheet)}!${a1(link.row, link.col)}`.replace(/"/g, '""');
  const shown = typeof value === 'number' ? String(value) : textExpression(value);
  const formula = `HYPERLINK("${location}",${shown})`;
  return formula.length <= MAX_FORMULA && location.length <= MAX_CONSTANT ? formula : null;
}
