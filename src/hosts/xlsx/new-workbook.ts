/**
 * A new workbook made of whole sheets (the roll-up's consolidated workbook): an empty package
 * whose one placeholder sheet takes the first sheet's name, and the surgical writer placing every
 * SheetModel into it exactly as it places a report sheet into a plan's copy (so the consolidated
 * sheets and a report sheet are written by the same code).
 */
import type { SheetModel } from '../../engine/model';
import type { WorkbookState } from '../../engine/settings';
import { escapeAttr } from './surgical/xml';
import { surgicalCopy } from './surgical';
import { ZipWriter } from './zip/writer';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Times New Roman 12, the administrative documents' font, as the workbook's default. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/></styleSheet>';

/** The empty package, its one sheet named `firstSheet`. */
function emptyPackage(firstSheet: string, now: Date): Buffer {
  const zip = new ZipWriter(now);
  zip.add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  zip.add('_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets><sheet name="${escapeAttr(firstSheet)}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.add('xl/worksheets/sheet1.xml', `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`);
  zip.add('xl/styles.xml', STYLES);
  return zip.toBuffer();
}

/** The workbook file holding `sheets` in this order (the first is the one it opens on), and
 * `state` in the add-in's very hidden state sheet when given (the roll-up's record of them). */
export function newWorkbook(sheets: readonly SheetModel[], now: Date = new Date(), state?: WorkbookState): Buffer {
  if (sheets.length === 0) throw new Error('a workbook needs a sheet');
  const empty = emptyPackage(sheets[0].name, now);
  const change = { sheet: sheets[0].name, writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [...sheets], ...(state ? { state } : {}) };
  return surgicalCopy(empty, change, { now }).bytes;
}
