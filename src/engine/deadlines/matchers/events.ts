/**
 * Matchers for events and on-demand work: "khi có yêu cầu", "đột xuất", "Sau khi …", "kể từ
 * …" (the anchor of an offset), "kịp thời", "phát sinh".
 */
import { SPELLED } from '../lexicon';
import type { Matcher } from '../scanner';

/** "khi có yêu cầu", "theo yêu cầu", "đột xuất", "khi cần". */
export const onDemand: Matcher = (s, i) => {
  const len =
    s.phrase(i, ['khi', 'co', 'yeu', 'cau']) || s.phrase(i, ['khi', 'duoc', 'yeu', 'cau']) || s.phrase(i, ['khi', 'can', 'thiet'])
    || s.phrase(i, ['khi', 'can']) || s.phrase(i, ['yeu', 'cau']) || s.phrase(i, ['dot', 'xuat']) || s.phrase(i, ['bat', 'thuong']);
  if (!len) return -1;
  s.atoms.push({ k: 'ondemand', at: i });
  return i + len;
};

/** "Khi có …", "Sau khi …", "kể từ …", "kịp thời", "phát sinh". */
export const eventCue: Matcher = (s, i) => {
  const w = s.word(i);
  if (w === 'khi' || s.phrase(i, ['kip', 'thoi']) || s.phrase(i, ['phat', 'sinh']) || s.phrase(i, ['neu', 'co'])) {
    s.event(null, i);
    s.clear();
    return i + (w === 'khi' ? 1 : 2);
  }
  const anchor = s.phrase(i, ['ke', 'tu']) || s.phrase(i, ['tinh', 'tu']);
  if (anchor) {
    s.event(null, i);
    s.clear();
    s.setMod('anchor');
    return i + anchor;
  }
  if (w === 'sau') {
    const nx = s.t[i + 1];
    if (!nx || s.isW(i + 1, 'do') || nx.type !== 'word' || SPELLED[nx.s] !== undefined) return -1;
    if (['ngay', 'thang', 'quy', 'qui', 'nam', 'dau', 'cuoi', 'giua', 'q', 't'].includes(nx.s)) {
      s.clear();
      s.setMod('after');
      return i + 1;
    }
    s.event(null, i);
    s.clear();
    return i + 1;
  }
  return -1;
};
