/**
 * Which language the pane and the ribbon commands speak. A choice made with the pane's switch is
 * the user's own and is remembered in the add-in's local storage (per user and machine, not in
 * the workbook, which colleagues share). Without one: Vietnamese unless Office is in English.
 */
import type { Lang } from '../engine/model';
import { detectLang } from './strings';

const STORAGE_KEY = 'cchc-plan.lang';

/** localStorage can be missing or throw (private modes, some webviews): then nothing is remembered. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office === 'undefined' ? undefined : Office.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

export function preferredLang(displayLanguage: string | undefined = officeDisplayLanguage()): Lang {
  try {
    const saved = storage()?.getItem(STORAGE_KEY);
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    // fall through to Office's language
  }
  return detectLang(displayLanguage);
}

export function rememberLang(lang: Lang): void {
  try {
    storage()?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the switch still works for this session
  }
}
