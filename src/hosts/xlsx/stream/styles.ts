/**
 * Which cell styles show numbers as dates — all the reader needs from styles.xml.
 *
 * The rule is exceljs's (so a grid read here equals one read through exceljs): a cell's style
 * index s (from its `s` attribute; 0 and absent both mean "no style") picks cellXfs[s], whose
 * numFmtId names a custom format from <numFmts> or else a built-in one; the format is a date
 * when, after backslash escapes are unescaped and [..] and "..." sections removed, it still has
 * one of y m d h s b M. Built-in ids with a fixed code are 0–4, 9–22, 37–40, 45–49, of which
 * 14–22 and 45–47 are dates; locale-dependent ids (27–36, 50–81) have no code and are not dates.
 */
import { attribute, scanXml } from './xml';

const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A format code shows a date or time (exceljs's test, kept exactly). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Index → true when a cell with that style index holds a date. */
export type DateStyles = readonly boolean[];

/** The date styles of a styles.xml part (an absent part: none). */
export function readDateStyles(xml: string | null): DateStyles {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  // Only the top-level lists count: <dxf> elements have numFmts of their own.
  let inCellXfs = false;
  let inNumFmts = false;
  scanXml(xml, {
    collecting: false,
    open(name, tag) {
      if (name === 'numFmts') {
        inNumFmts = true;
      } else if (name === 'numFmt' && inNumFmts) {
        const id = parseInt(attribute(tag, 'numFmtId') ?? '', 10);
        const code = attribute(tag, 'formatCode');
        // exceljs unescapes backslashed characters before testing (so \d counts as a "d").
        if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        xfFormats.push(parseInt(attribute(tag, 'numFmtId') ?? '', 10));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
    text() {},
  });
  return xfFormats.map((id) => !!id && isDateFormat(custom.get(id) || BUILT_IN_FORMATS[id]));
}

/** The workbook's default font (the first of <fonts>, the Normal style's): name and size. */
export function readDefaultFont(xml: string | null): { name: string; size: number } {
  const fallback = { name: 'Calibri', size: 11 };
  if (xml === null) return fallback;
  const fonts = /<(?:[\w.-]+:)?fonts[\s>][\s\S]*?<(?:[\w.-]+:)?font[\s>]([\s\S]*?)<\/(?:[\w.-]+:)?font>/.exec(xml);
  if (!fonts) return fallback;
  const name = /<(?:[\w.-]+:)?name\s+val="([^"]*)"/.exec(fonts[1])?.[1];
  const size = Number(/<(?:[\w.-]+:)?sz\s+val="([^"]*)"/.exec(fonts[1])?.[1]);
  return { name: name ?? fallback.name, size: Number.isFinite(size) && size > 0 ? size : fallback.size };
}
