/**
 * Hand-written .xlsx packages for the streaming reader's tests: each part's XML as a string, so
 * a test can show exactly the markup it is about (what Excel, LibreOffice or another tool might
 * write), zipped with the project's own ZipWriter.
 */
import { ZipWriter } from '../../../src/hosts/xlsx/zip/writer';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface RawSheet {
  name: string;
  /** The children of <worksheet> (sheetData, mergeCells, cols…), or a whole document when it
   * starts with "<?xml" or "<". */
  body: string;
  state?: 'hidden' | 'veryHidden';
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** <si> items, inner XML of <sst>. */
  sharedStrings?: string;
  /** Inner XML of <styleSheet>. */
  styles?: string;
  /** Extra children of <workbook> before <sheets> (workbookPr, bookViews…). */
  workbookHead?: string;
  /** Extra children of <workbook> after <sheets> (definedNames…). */
  workbookTail?: string;
  /** Extra entries, stored as given. */
  extra?: Record<string, string | Buffer>;
}

export function sheetDocument(body: string): string {
  if (body.startsWith('<?xml') || body.startsWith('<worksheet') || body.startsWith('<x:')) return body;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`;
}

export function rawWorkbook(spec: RawWorkbook): Buffer {
  const zip = new ZipWriter(new Date(2024, 0, 2));
  const overrides: string[] = [];
  const rels: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    zip.add(`xl/${part}`, sheetDocument(sheet.body));
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${part}"/>`);
    overrides.push(`<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    zip.add('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${spec.sharedStrings}</sst>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    zip.add('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>`);
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  zip.add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookHead ?? ''}<sheets>${sheets}</sheets>${spec.workbookTail ?? ''}</workbook>`,
  );
  zip.add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  zip.add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  for (const [name, content] of Object.entries(spec.extra ?? {})) zip.add(name, content);
  return zip.toBuffer();
}

/** A styles part whose cellXfs are the given numFmtIds in order (index 0 first), with custom
 * formats as given. */
export function stylesWith(xfNumFmtIds: number[], custom: Record<number, string> = {}): string {
  const numFmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`)
    .join('');
  const xfs = xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return `${numFmts ? `<numFmts count="${Object.keys(custom).length}">${numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfNumFmtIds.length}">${xfs}</cellXfs>`;
}
