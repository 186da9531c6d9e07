/**
 * The roll-up panel's "Tải báo cáo tổng hợp Word (.docx)": the Word roll-up built from the very
 * model the consolidated sheets were made of (so the numbers are the sheets'), through the report
 * tab's download path (report/download.ts: `docx` loaded on demand, a Blob handed to the browser).
 */
import * as React from 'react';
import type { Lang } from '../../engine/model';
import type { RollupModel } from '../../report/rollup';
import { downloadRollupDocx, type SaveFile } from '../report/download';
import { reportDocStrings } from '../report/strings';
import { rollupStrings } from './strings';

export interface RollupDownload {
  /** The sentence after a download (the file made, or why not), or null. */
  said: { ok: boolean; text: string } | null;
  downloading: boolean;
  start: (model: RollupModel) => Promise<void>;
  reset: () => void;
}

export function useRollupDownload(lang: Lang, saveFile?: SaveFile): RollupDownload {
  const [outcome, setOutcome] = React.useState<{ ok: true; file: string } | { ok: false } | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const start = async (model: RollupModel) => {
    setOutcome(null);
    setDownloading(true);
    try {
      setOutcome({ ok: true, file: await downloadRollupDocx(model, saveFile) });
    } catch {
      setOutcome({ ok: false });
    } finally {
      setDownloading(false);
    }
  };
  const said = outcome === null ? null : outcome.ok ? { ok: true, text: reportDocStrings(lang).downloaded(outcome.file) } : { ok: false, text: rollupStrings(lang).downloadFailed };
  return { said, downloading, start, reset: () => setOutcome(null) };
}
