/**
 * LibreOffice and poppler for the end-to-end suites: a headless soffice with a private profile
 * (runs never share or lock one), a temp folder per suite, and readers of what it writes — CSV
 * per sheet, PDF text, words with their boxes, pages, PNG screenshots.
 *
 * Needs soffice (libreoffice-calc, libreoffice-writer for .docx), pdftotext, pdfinfo and
 * pdftoppm (poppler-utils) and the Carlito font (fonts-crosextra-carlito, metric-compatible with
 * Calibri, so that columns are laid out as Excel does); .ci/run installs them.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

export const exec = promisify(execFile);

const NEEDS = 'apt-get install -y libreoffice-calc libreoffice-writer poppler-utils fonts-crosextra-carlito';

export interface Office {
  /** The suite's temp folder. */
  dir: string;
  /** A path in the suite's temp folder. */
  at: (name: string) => string;
  /** soffice --headless with the suite's profile. */
  soffice: (args: string[]) => Promise<void>;
  /** Files converted to PDF in `outDir` (the suite's folder by default); the PDFs' paths. */
  toPdf: (files: string[], outDir?: string) => Promise<string[]>;
  /** Every sheet of a workbook, as LibreOffice shows it, one CSV per sheet: <name>-<sheet>.csv. */
  exportCsv: (file: string, outDir: string) => Promise<void>;
  /** Removes the folder and the profile. */
  close: () => Promise<void>;
}

/** Checks the programs are there (one sentence saying what to install if not) and makes a
 * folder (`prefix`) and a LibreOffice profile for the suite. */
export async function startOffice(prefix: string): Promise<Office> {
  try {
    await exec('soffice', ['--version'], { timeout: 60_000 });
    await exec('pdftotext', ['-v'], { timeout: 10_000 });
  } catch {
    throw new Error(`LibreOffice (soffice) and poppler-utils are needed: ${NEEDS}`);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-lo-profile-'));
  const soffice = async (args: string[]) => {
    await exec('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { timeout: 150_000 });
  };
  return {
    dir,
    at: (name) => path.join(dir, name),
    soffice,
    async toPdf(files, outDir = dir) {
      await fs.mkdir(outDir, { recursive: true });
      await soffice(['--convert-to', 'pdf', '--outdir', outDir, ...files]);
      return files.map((f) => path.join(outDir, `${path.parse(f).name}.pdf`));
    },
    async exportCsv(file, outDir) {
      await fs.mkdir(outDir, { recursive: true });
      // Tokens: comma, double quote, UTF-8, from line 1, …, save cell contents as shown, all sheets.
      await soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', outDir, file]);
    },
    async close() {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export async function readCsv(file: string): Promise<string[][]> {
  return parseCsv((await fs.readFile(file, 'utf8')).normalize('NFC'));
}

/** A PDF's text (NFC), laid out as printed or in reading flow. */
export async function pdfText(pdf: string, layout = true): Promise<string> {
  const { stdout } = await exec('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 50_000_000 });
  return stdout.normalize('NFC');
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await exec('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

export interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Every word of a PDF with its page (from 1) and box (pdftotext -bbox). */
export async function pdfWords(pdf: string): Promise<Word[]> {
  const { stdout } = await exec('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 50_000_000 });
  const out: Word[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: unescapeXml(m[5]).normalize('NFC') });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Pages `first`–`last` of a PDF as PNG files `<prefix>-<n>.png` (pdftoppm's names), at `dpi`. */
export async function pdfScreenshots(pdf: string, prefix: string, dpi = 80, first?: number, last?: number): Promise<void> {
  await fs.mkdir(path.dirname(prefix), { recursive: true });
  const range = [...(first !== undefined ? ['-f', String(first)] : []), ...(last !== undefined ? ['-l', String(last)] : [])];
  await exec('pdftoppm', ['-png', '-r', String(dpi), ...range, pdf, prefix]);
}
