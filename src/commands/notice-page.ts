/**
 * The notice dialog's page: shows the title and text given in its query string (as text, never
 * HTML) and tells the add-in to close it when Close is pressed.
 */
import { isDarkOfficeTheme } from '../taskpane/theme';

function officeTheme(): Parameters<typeof isDarkOfficeTheme>[0] {
  try {
    return typeof Office !== 'undefined' ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined;
  }
}

function fill(): void {
  const params = new URLSearchParams(window.location.search);
  document.documentElement.classList.toggle('dark', isDarkOfficeTheme(officeTheme()));
  const lang = params.get('lang') === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  const title = document.getElementById('notice-title');
  const text = document.getElementById('notice-text');
  const close = document.getElementById('notice-close');
  if (title) title.textContent = params.get('title') ?? '';
  if (text) text.textContent = params.get('text') ?? '';
  if (close) {
    close.textContent = params.get('close') ?? 'OK';
    close.addEventListener('click', () => {
      try {
        Office.context.ui.messageParent('close');
      } catch {
        window.close();
      }
    });
    close.focus();
  }
}

if (typeof Office !== 'undefined') void Office.onReady(fill);
else fill();
