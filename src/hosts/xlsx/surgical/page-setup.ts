/**
 * A worksheet's scale or fit-to-page (docs/printing.md): <pageSetup scale fitToWidth
 * fitToHeight> after the cells, and <sheetPr><pageSetUpPr fitToPage> before them, which says
 * which of the two counts (ECMA-376 §18.3.1.63, §18.3.1.65). Every other attribute the user set
 * — paper, orientation, margins, print quality — keeps its text.
 */
import type { PageZoom } from '../../../engine/model';
import type { TextEdit } from './conditional-formats';
import { insertionOffset } from './worksheet-parts';
import { attr, childElements, parseStartTag, renderStartTag, setAttr, type ElementSpan } from './xml';

/** The <pageSetup> edit for this zoom. */
export function pageSetupEdit(tail: string, children: ElementSpan[], prefix: string, zoom: PageZoom): TextEdit {
  const el = children.find((c) => c.local === 'pageSetup');
  const tag = el ? parseStartTag(tail.slice(el.start, el.contentStart)) : { name: `${prefix}pageSetup`, attrs: [], selfClosing: true };
  if ('scale' in zoom) {
    setAttr(tag, 'scale', String(zoom.scale));
    setAttr(tag, 'fitToWidth', undefined);
    setAttr(tag, 'fitToHeight', undefined);
  } else {
    setAttr(tag, 'fitToWidth', String(zoom.fitWidth));
    setAttr(tag, 'fitToHeight', String(zoom.fitHeight));
  }
  if (el) {
    const selfClosing = el.contentEnd === el.end;
    return { start: el.start, end: selfClosing ? el.end : el.contentStart, text: renderStartTag(tag, selfClosing) };
  }
  const at = insertionOffset(children, 'pageSetup', 0);
  return { start: at, end: at, text: renderStartTag(tag, true) };
}

/** The <sheetPr> edit that makes fitToPage say whether the page is fitted; null when it already
 * does. */
export function sheetPrEdit(head: string, children: ElementSpan[], start: number, prefix: string, fit: boolean): TextEdit | null {
  const el = children.find((c) => c.local === 'sheetPr');
  if (!el) {
    if (!fit) return null;
    const at = insertionOffset(children, 'sheetPr', start);
    return { start: at, end: at, text: `<${prefix}sheetPr><${prefix}pageSetUpPr fitToPage="1"/></${prefix}sheetPr>` };
  }
  const selfClosing = el.contentEnd === el.end;
  const inner = selfClosing ? [] : childElements(head, el.contentStart, el.contentEnd);
  const pr = inner.find((c) => c.local === 'pageSetUpPr');
  if (pr) {
    const tag = parseStartTag(head.slice(pr.start, pr.contentStart));
    const now = attr(tag, 'fitToPage') === '1' || attr(tag, 'fitToPage') === 'true';
    if (now === fit) return null;
    setAttr(tag, 'fitToPage', fit ? '1' : undefined);
    const closing = pr.contentEnd === pr.end;
    return { start: pr.start, end: closing ? pr.end : pr.contentStart, text: renderStartTag(tag, closing) };
  }
  if (!fit) return null;
  const element = `<${prefix}pageSetUpPr fitToPage="1"/>`;
  if (!selfClosing) return { start: el.contentEnd, end: el.contentEnd, text: element };
  const open = parseStartTag(head.slice(el.start, el.end));
  return { start: el.start, end: el.end, text: `${renderStartTag(open, false)}${element}</${open.name}>` };
}
