/**
 * Page setup shared by every host that writes a built sheet: margins in the units each file
 * format or API wants, and page numbers as Excel's header/footer codes (ECMA-376 Part 1,
 * §18.3.1.46 "oddHeader": &P is the page number, &"font,style" the font, &nn its size).
 */
import type { PageMargins, PageNumbers } from './model';

const MM_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;

export function mmToInches(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * 1000) / 1000;
}

export function mmToPoints(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * POINTS_PER_INCH * 100) / 100;
}

export function marginsInInches(m: PageMargins): PageMargins {
  return { top: mmToInches(m.top), bottom: mmToInches(m.bottom), left: mmToInches(m.left), right: mmToInches(m.right), header: mmToInches(m.header), footer: mmToInches(m.footer) };
}

/** The centre section's text: the page number in its font ("&\"Times New Roman,Regular\"&13&P"). */
export function pageNumberSection(p: PageNumbers): string {
  const name = p.fontName.replace(/[",&]/g, '');
  return `&"${name},Regular"&${Math.round(p.fontSize)}&P`;
}

/** The whole header or footer string of a file: the centre section's code before its text. */
export function pageNumberHeaderFooter(p: PageNumbers): string {
  return `&C${pageNumberSection(p)}`;
}
