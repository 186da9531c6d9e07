/**
 * The matcher for the words in front of a time expression that say how it is read: "trước",
 * "chậm nhất", "hạn", "không quá", "đến", "từ", "bắt đầu từ".
 */
import type { Mod } from '../atoms';
import type { Matcher } from '../scanner';

/** "trước", "chậm nhất", "hạn", "không quá", "đến", "từ", "bắt đầu": how the next time
 * expression is read. */
export const modifier: Matcher = (s, i) => {
  const w = s.word(i);
  let len = 0;
  let mod: Mod | null = null;
  if (w === 'truoc') [len, mod] = [1, 'before'];
  else if (s.phrase(i, ['cham', 'nhat'])) [len, mod] = [2, 'until'];
  else if (s.phrase(i, ['khong', 'qua']) || s.phrase(i, ['toi', 'da'])) [len, mod] = [2, 'until'];
  else if (s.phrase(i, ['thoi', 'han']) || s.phrase(i, ['han', 'chot'])) [len, mod] = [2, 'until'];
  else if (w === 'han' || w === 'het') [len, mod] = [1, 'until'];
  else if (w === 'den' || w === 'toi') [len, mod] = [1, 'until'];
  else if (s.phrase(i, ['bat', 'dau', 'tu'])) [len, mod] = [3, 'from'];
  else if (w === 'tu') [len, mod] = [1, 'from'];
  if (!len) return -1;
  // "đến (hết)" may join two expressions ("Quý I đến hết IV"): it keeps the unit, and a
  // pending "đến" survives "hết".
  const keepUnit = w === 'den' || w === 'toi' || w === 'het';
  const unit = s.unit();
  const pending = s.pendingMod();
  s.clear();
  if (keepUnit) s.setUnit(unit);
  s.setMod(w === 'het' && pending !== null ? pending : mod);
  return i + len;
};
