/**
 * "Tải báo cáo Word (.docx)" and the roll-up's "Tải báo cáo tổng hợp Word (.docx)": the Word
 * report built in the browser (src/report/docx, src/report/rollup/docx, loaded only when asked
 * for, so the pane opens without them) and handed to the browser as a download — the plans
 * never leave the machine, no server is involved.
 */
import type { ReportModel } from '../../report';
import type { RollupModel } from '../../report/rollup';
import { docxFileName } from './preview';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Hands a file to the browser's downloads: an object URL clicked through a temporary link. */
export type SaveFile = (blob: Blob, name: string) => void;

export const saveThroughLink: SaveFile = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL is let go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** The .docx's bytes, built, handed to the browser under `name`; the file's name. */
async function downloadDocx(bytes: Promise<ArrayBuffer>, name: string, save: SaveFile): Promise<string> {
  save(new Blob([await bytes], { type: DOCX_MIME }), name);
  return name;
}

/** Builds the .docx of the report and saves it; the file's name. */
export async function downloadReportDocx(model: ReportModel, save: SaveFile = saveThroughLink): Promise<string> {
  const { reportDocxBytes } = await import('../../report/docx');
  return downloadDocx(reportDocxBytes(model), docxFileName(model), save);
}

/** Builds the .docx of the roll-up (the model its sheets were made from) and saves it. */
export async function downloadRollupDocx(model: RollupModel, save: SaveFile = saveThroughLink): Promise<string> {
  const { rollupDocxBytes } = await import('../../report/rollup/docx');
  return downloadDocx(rollupDocxBytes(model), docxFileName(model, 'rollup'), save);
}
