/**
 * "Tải báo cáo Word (.docx)": the Word report built in the browser (src/report/docx, loaded only
 * when asked for, so the pane opens without it) and handed to the browser as a download — the
 * plan never leaves the machine, no server is involved.
 */
import type { ReportModel } from '../../report';
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

/** Builds the .docx of the model and saves it; the file's name. */
export async function downloadReportDocx(model: ReportModel, save: SaveFile = saveThroughLink): Promise<string> {
  const { reportDocxBytes } = await import('../../report/docx');
  const bytes = await reportDocxBytes(model);
  const name = docxFileName(model);
  save(new Blob([bytes], { type: DOCX_MIME }), name);
  return name;
}
