/**
 * A short message shown from a ribbon command without opening the task pane: a small Office
 * dialog (notice.html) that closes itself after a few seconds or when the user presses Close.
 * Excel has no toast API for add-ins; a dialog is the documented way to show something.
 */
import type { Lang } from '../engine/model';
import { uiStrings } from '../taskpane/strings';

const CLOSE_AFTER_MS = 6000;

export function showNotice(message: string, lang: Lang): Promise<void> {
  const url = new URL('notice.html', window.location.href);
  url.search = new URLSearchParams({ lang, title: uiStrings(lang).noticeTitle, text: message, close: uiStrings(lang).noticeClose }).toString();
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(result.error.message));
        return;
      }
      const dialog = result.value;
      const timer = setTimeout(() => dialog.close(), CLOSE_AFTER_MS);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        clearTimeout(timer);
        dialog.close();
      });
      // Closed by the user (the X) or navigation failed: nothing left to do.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => clearTimeout(timer));
      resolve();
    });
  });
}
