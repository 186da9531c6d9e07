/**
 * Entry of taskpane.html: waits for Office, then mounts the pane over the Excel host. The same
 * page is the shared runtime of the ribbon commands (commands.ts is loaded next to it).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { paneChannel } from './channel';
import { preferredLang, rememberLang } from './lang';
import { excelPlanHost, ribbonActivity, supportInfo } from './runtime';
import { detectLang, uiStrings } from './strings';
import { isDarkOfficeTheme } from './theme';

function isDark(): boolean {
  try {
    return isDarkOfficeTheme(Office.context.officeTheme);
  } catch {
    return false;
  }
}

void Office.onReady((info) => {
  const container = document.getElementById('root');
  if (!container) return;
  if (info.host !== Office.HostType.Excel) {
    // Opened in a plain browser or another Office app: say where it belongs instead of failing.
    const lang = detectLang(navigator.language);
    container.textContent = lang === 'en' ? 'Open this add-in from Excel.' : 'Hãy mở phần bổ trợ này từ Excel.';
    document.title = uiStrings(lang).appTitle;
    return;
  }
  createRoot(container).render(
    <App host={excelPlanHost()} initialLang={preferredLang()} onLangChange={rememberLang} channel={paneChannel} dark={isDark()} supportInfo={supportInfo} ribbonActivity={ribbonActivity} />,
  );
});
