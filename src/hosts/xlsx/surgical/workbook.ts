/**
 * xl/workbook.xml edits: a sheet entry added or renamed in place, defined names (print titles)
 * added or dropped with the sheet they belonged to, and the calculation flag. Each edit changes
 * one element and re-reads the part (it is small); nothing else of the text moves.
 */
import { PackageError, REL_NS } from './package';
import { attr, childElements, escapeAttr, escapeText, parseStartTag, renderStartTag, rootElement, setAttr, splice, unescapeXml, type ElementSpan } from './xml';

/** CT_Workbook's children in schema order (ECMA-376 §18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** Relationship id of the sheet's part. */
  rId: string;
  /** Position in the tab order (what localSheetId counts). */
  index: number;
}

export class WorkbookXml {
  constructor(public xml: string) {}

  private parts(): { prefix: string; root: ElementSpan; children: ElementSpan[]; relPrefix: string | null } {
    const root = rootElement(this.xml);
    const rootTag = parseStartTag(this.xml.slice(root.start, root.contentStart));
    const nsAttr = rootTag.attrs.find((a) => a.name.startsWith('xmlns:') && a.raw === REL_NS);
    return { prefix: root.prefix, root, children: childElements(this.xml, root.contentStart, root.contentEnd), relPrefix: nsAttr ? nsAttr.name.slice(6) : null };
  }

  private child(local: string): ElementSpan | undefined {
    return this.parts().children.find((c) => c.local === local);
  }

  private sheetSpans(): { span: ElementSpan; entry: SheetEntry }[] {
    const sheets = this.child('sheets');
    if (!sheets) throw new PackageError('not-workbook', 'workbook.xml has no sheets');
    return childElements(this.xml, sheets.contentStart, sheets.contentEnd)
      .filter((e) => e.local === 'sheet')
      .map((span, index) => {
        const tag = parseStartTag(this.xml.slice(span.start, span.contentStart));
        const idAttr = tag.attrs.find((a) => a.name === 'r:id' || a.name.endsWith(':id'));
        return { span, entry: { name: attr(tag, 'name') ?? '', sheetId: Number(attr(tag, 'sheetId')), rId: idAttr ? attr(tag, idAttr.name)! : '', index } };
      });
  }

  sheets(): SheetEntry[] {
    return this.sheetSpans().map((s) => s.entry);
  }

  date1904(): boolean {
    const pr = this.child('workbookPr');
    const v = pr ? attr(parseStartTag(this.xml.slice(pr.start, pr.contentStart)), 'date1904') : undefined;
    return v === '1' || v === 'true';
  }

  /** Add a sheet (visible unless `state` says otherwise) at the end of the tab order. */
  addSheet(name: string, rId: string, state?: 'hidden' | 'veryHidden'): SheetEntry {
    const { prefix, relPrefix } = this.parts();
    const existing = this.sheets();
    const sheetId = Math.max(0, ...existing.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0))) + 1;
    const idName = relPrefix ? `${relPrefix}:id` : 'r:id';
    const ns = relPrefix ? '' : ` xmlns:r="${REL_NS}"`;
    const hidden = state ? ` state="${state}"` : '';
    const element = `<${prefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${hidden}${ns} ${idName}="${escapeAttr(rId)}"/>`;
    const sheets = this.child('sheets')!;
    this.xml = splice(this.xml, [{ start: sheets.contentEnd, end: sheets.contentEnd, text: element }]);
    return { name, sheetId, rId, index: existing.length };
  }

  /** Give the sheet at `index` a new name (same position, same part) and make it visible. */
  renameSheet(index: number, name: string): void {
    const { span } = this.sheetSpans()[index];
    const tag = parseStartTag(this.xml.slice(span.start, span.contentStart));
    setAttr(tag, 'name', name);
    setAttr(tag, 'state', undefined);
    this.xml = splice(this.xml, [{ start: span.start, end: span.contentStart, text: renderStartTag(tag) }]);
  }

  /**
   * Remove the sheet at `index` from the tab order (its part is the caller's): its local names go,
   * the names local to later sheets and the views' active and first tabs count one less.
   */
  removeSheet(index: number): void {
    this.dropLocalNames(index);
    const { span } = this.sheetSpans()[index];
    const edits = [{ start: span.start, end: span.end, text: '' }];
    for (const d of this.definedNames()) {
      const local = Number(d.localSheetId);
      if (d.localSheetId === undefined || !(local > index)) continue;
      const tag = parseStartTag(this.xml.slice(d.span.start, d.span.contentStart));
      setAttr(tag, 'localSheetId', String(local - 1));
      edits.push({ start: d.span.start, end: d.span.contentStart, text: renderStartTag(tag) });
    }
    const views = this.child('bookViews');
    for (const v of views ? childElements(this.xml, views.contentStart, views.contentEnd).filter((e) => e.local === 'workbookView') : []) {
      const tag = parseStartTag(this.xml.slice(v.start, v.contentStart));
      let changed = false;
      for (const key of ['activeTab', 'firstSheet']) {
        const n = Number(attr(tag, key));
        if (n > index) {
          setAttr(tag, key, String(n - 1));
          changed = true;
        }
      }
      if (changed) edits.push({ start: v.start, end: v.contentStart, text: renderStartTag(tag) });
    }
    this.xml = splice(this.xml, edits.sort((a, b) => a.start - b.start));
  }

  /** Drop the defined names local to the sheet at `index` (its print titles, print area…). */
  dropLocalNames(index: number): void {
    const names = this.child('definedNames');
    if (!names) return;
    const spans = childElements(this.xml, names.contentStart, names.contentEnd).filter((d) => d.local === 'definedName');
    const gone = spans.filter((d) => attr(parseStartTag(this.xml.slice(d.start, d.contentStart)), 'localSheetId') === String(index));
    if (gone.length === 0) return;
    const edits = gone.length === spans.length ? [{ start: names.start, end: names.end, text: '' }] : gone.map((d) => ({ start: d.start, end: d.end, text: '' }));
    this.xml = splice(this.xml, edits);
  }

  /** The spans and texts of the defined names. */
  definedNames(): { span: ElementSpan; name: string; localSheetId: string | undefined; formula: string }[] {
    const names = this.child('definedNames');
    if (!names) return [];
    return childElements(this.xml, names.contentStart, names.contentEnd)
      .filter((d) => d.local === 'definedName')
      .map((span) => {
        const tag = parseStartTag(this.xml.slice(span.start, span.contentStart));
        return { span, name: attr(tag, 'name') ?? '', localSheetId: attr(tag, 'localSheetId'), formula: unescapeXml(this.xml.slice(span.contentStart, span.contentEnd)) };
      });
  }

  /** Remove the name local to the sheet at `index` (no-op when absent). */
  removeLocalName(name: string, index: number): void {
    const all = this.definedNames();
    const gone = all.filter((d) => d.name.toLowerCase() === name.toLowerCase() && d.localSheetId === String(index));
    if (gone.length === 0) return;
    const names = this.child('definedNames')!;
    const edits = gone.length === all.length ? [{ start: names.start, end: names.end, text: '' }] : gone.map((d) => ({ start: d.span.start, end: d.span.end, text: '' }));
    this.xml = splice(this.xml, edits);
  }

  /** Define (or redefine) a name local to the sheet at `index`: an existing one is rewritten in
   * its place, and left byte for byte when it already says the same (checking a checked copy
   * again changes nothing). */
  setLocalName(name: string, index: number, formula: string): void {
    const same = this.definedNames().filter((d) => d.name.toLowerCase() === name.toLowerCase() && d.localSheetId === String(index));
    if (same.length === 1) {
      if (same[0].name === name && same[0].formula === formula) return;
      const { prefix } = this.parts();
      const element = `<${prefix}definedName name="${escapeAttr(name)}" localSheetId="${index}">${escapeText(formula)}</${prefix}definedName>`;
      this.xml = splice(this.xml, [{ start: same[0].span.start, end: same[0].span.end, text: element }]);
      return;
    }
    this.removeLocalName(name, index);
    this.addDefinedName(name, index, formula);
  }

  addDefinedName(name: string, localSheetId: number, formula: string): void {
    const { prefix, children, root } = this.parts();
    const element = `<${prefix}definedName name="${escapeAttr(name)}" localSheetId="${localSheetId}">${escapeText(formula)}</${prefix}definedName>`;
    const names = children.find((c) => c.local === 'definedNames');
    if (names) {
      const at = names.contentEnd === names.end ? null : names.contentEnd;
      if (at === null) {
        const open = this.xml.slice(names.start, names.end).replace(/\s*\/>$/, '>');
        this.xml = splice(this.xml, [{ start: names.start, end: names.end, text: `${open}${element}</${names.name}>` }]);
      } else this.xml = splice(this.xml, [{ start: at, end: at, text: element }]);
      return;
    }
    const at = afterPredecessors(children, 'definedNames', root.contentStart);
    this.xml = splice(this.xml, [{ start: at, end: at, text: `<${prefix}definedNames>${element}</${prefix}definedNames>` }]);
  }

  /** Ask the spreadsheet program to calculate every formula when it opens the file. */
  setFullCalcOnLoad(): void {
    const { prefix, children, root } = this.parts();
    const calc = children.find((c) => c.local === 'calcPr');
    if (calc) {
      const tag = parseStartTag(this.xml.slice(calc.start, calc.contentStart));
      if (attr(tag, 'fullCalcOnLoad') === '1') return;
      setAttr(tag, 'fullCalcOnLoad', '1');
      this.xml = splice(this.xml, [{ start: calc.start, end: calc.contentStart, text: renderStartTag(tag) }]);
      return;
    }
    const at = afterPredecessors(children, 'calcPr', root.contentStart);
    this.xml = splice(this.xml, [{ start: at, end: at, text: `<${prefix}calcPr fullCalcOnLoad="1"/>` }]);
  }
}

function afterPredecessors(children: ElementSpan[], local: string, start: number): number {
  const rank = WORKBOOK_ORDER.indexOf(local);
  let at = start;
  for (const c of children) {
    const r = WORKBOOK_ORDER.indexOf(c.local);
    if (r >= 0 && r < rank) at = c.end;
  }
  return at;
}
