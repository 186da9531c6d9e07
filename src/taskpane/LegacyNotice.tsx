/**
 * Shown when the analysis read TCVN3 or VNI cells: says so, and offers to rewrite the workbook's
 * legacy text as Unicode in the workbook itself, after a confirmation that says this changes the user's own
 * cells (Cancel is the default: Escape or closing the dialog answers no). Its strings live here,
 * Vietnamese first, English second.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Analysis, Lang, LegacyEncoding } from '../engine/model';
import type { ConvertOutcome } from '../hosts/plan-host';

const NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

function encodingsOf(analysis: Analysis): string {
  const found = new Set((analysis.legacyCells ?? []).map((c) => c.encoding));
  return (['tcvn3', 'vni'] as const).filter((e) => found.has(e)).map((e) => NAMES[e]).join(', ');
}

type Converted = Extract<ConvertOutcome, { ok: true }>;

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

const STRINGS = {
  vi: {
    title: 'Chữ theo bảng mã cũ',
    found: (cells: number, sheet: string, encodings: string) =>
      `${cells} ô của trang “${sheet}” được gõ bằng bảng mã ${encodings}; công cụ đã đọc chúng như Unicode để kiểm tra.`,
    convert: 'Chuyển sang Unicode',
    confirmTitle: 'Chuyển chữ bảng mã cũ sang Unicode?',
    confirmBody: (cells: number, sheet: string) =>
      `Thao tác này sửa chính các ô của bạn: mọi ô chữ TCVN3 hay VNI trong sổ tính (${cells} ô trên trang “${sheet}”, và các trang khác nếu có) sẽ được viết lại bằng Unicode và đổi phông chữ sang Times New Roman. Công thức và các ô khác giữ nguyên. Không thể hoàn tác bằng Ctrl+Z; nếu cần, hãy lưu một bản sao của tệp trước.`,
    confirm: 'Chuyển',
    cancel: 'Huỷ',
    converted: (done: Converted) => {
      const summary =
        done.cells === 0
          ? 'Không còn ô nào cần chuyển sang Unicode.'
          : `Đã chuyển ${done.cells} ô sang Unicode (phông Times New Roman): ${done.sheets.filter((s) => s.cells > 0).map((s) => `trang “${s.sheet}” ${s.cells} ô`).join(', ')}.`;
      return done.protectedSheets.length ? `${summary} Trang đang được bảo vệ nên chưa chuyển: ${quoted(done.protectedSheets)}.` : summary;
    },
  },
  en: {
    title: 'Text in an old encoding',
    found: (cells: number, sheet: string, encodings: string) =>
      cells === 1
        ? `1 cell of sheet “${sheet}” was typed in ${encodings}; it was read as Unicode for the check.`
        : `${cells} cells of sheet “${sheet}” were typed in ${encodings}; they were read as Unicode for the check.`,
    convert: 'Convert to Unicode',
    confirmTitle: 'Convert the old-encoding text to Unicode?',
    confirmBody: (cells: number, sheet: string) =>
      `This changes your own cells: every TCVN3 or VNI text cell of the workbook (${cells} on sheet “${sheet}”, and any on other sheets) will be rewritten in Unicode and its font set to Times New Roman. Formulas and other cells stay as they are. Ctrl+Z cannot undo it; save a copy of the file first if you need one.`,
    confirm: 'Convert',
    cancel: 'Cancel',
    converted: (done: Converted) => {
      const summary =
        done.cells === 0
          ? 'No cell is left to convert to Unicode.'
          : `Converted ${done.cells} ${done.cells === 1 ? 'cell' : 'cells'} to Unicode (font Times New Roman): ${done.sheets.filter((s) => s.cells > 0).map((s) => `sheet “${s.sheet}” ${s.cells}`).join(', ')}.`;
      return done.protectedSheets.length ? `${summary} Protected sheets were not converted: ${quoted(done.protectedSheets)}.` : summary;
    },
  },
} as const;

export function legacyStrings(lang: Lang) {
  return STRINGS[lang];
}

export interface LegacyNoticeProps {
  lang: Lang;
  analysis: Analysis | null;
  busy: boolean;
  /** Rewrites the cells; absent when the host cannot, and the notice then only informs. */
  onConvert?: () => void;
}

export function LegacyNotice({ lang, analysis, busy, onConvert }: LegacyNoticeProps): React.JSX.Element | null {
  const [asking, setAsking] = React.useState(false);
  const cells = analysis?.legacyCells?.length ?? 0;
  if (!analysis || cells === 0) return null;
  const t = legacyStrings(lang);
  const answer = (yes: boolean) => {
    setAsking(false);
    if (yes) onConvert?.();
  };
  // The button is the dialog's trigger: a dialog opened from a plain click handler would take
  // that very click, still bubbling, for a click outside it and close at once.
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="legacy-notice">
      <MessageBarBody>
        <MessageBarTitle>{t.title}</MessageBarTitle>
        {t.found(cells, analysis.sheetName, encodingsOf(analysis))}
      </MessageBarBody>
      {onConvert ? (
        <MessageBarActions>
          <Dialog
            modalType="modal"
            open={asking}
            onOpenChange={(_, data) => {
              if (data.open) setAsking(true);
              else answer(false);
            }}
          >
            <DialogTrigger disableButtonEnhancement>
              <Button size="small" disabled={busy}>
                {t.convert}
              </Button>
            </DialogTrigger>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t.confirmTitle}</DialogTitle>
                <DialogContent>{t.confirmBody(cells, analysis.sheetName)}</DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={() => answer(true)}>
                    {t.confirm}
                  </Button>
                  <Button appearance="secondary" onClick={() => answer(false)}>
                    {t.cancel}
                  </Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
