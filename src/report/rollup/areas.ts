/**
 * Reform areas across units. Each plan names and numbers its sections its own way ("I. CẢI CÁCH
 * THỂ CHẾ", "2. Cải cách thể chế hành chính", "Công tác cải cách thể chế"), so the roll-up puts a
 * section under one of the areas of the state programme for administrative reform by its words,
 * and keeps a section it cannot place as an area of its own (merged with the same title of other
 * units, compared without case or accents).
 */
import type { Lang } from '../../engine/model';
import { fold } from '../../engine/text';

interface KnownArea {
  key: string;
  /** Tried in this order on the folded title: the first that matches wins. */
  pattern: RegExp;
  vi: string;
  en: string;
}

/** In the order the programme and most plans list them. */
const KNOWN_AREAS: readonly KnownArea[] = [
  { key: 'direction', pattern: /chi dao|dieu hanh|to chuc thuc hien|cong tac cai cach hanh chinh chung/, vi: 'Công tác chỉ đạo, điều hành', en: 'Direction and organisation' },
  { key: 'institutions', pattern: /the che/, vi: 'Cải cách thể chế', en: 'Institutional reform' },
  { key: 'procedures', pattern: /thu tuc hanh chinh|\btthc\b|mot cua/, vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' },
  { key: 'organisation', pattern: /to chuc bo may|bo may/, vi: 'Cải cách tổ chức bộ máy', en: 'Organisational structure' },
  { key: 'civilService', pattern: /che do cong vu|cong vu|cong chuc|vien chuc/, vi: 'Cải cách chế độ công vụ', en: 'Civil service' },
  { key: 'publicFinance', pattern: /tai chinh cong|tai chinh/, vi: 'Cải cách tài chính công', en: 'Public finance' },
  { key: 'digital', pattern: /chinh quyen dien tu|chinh quyen so|chinh phu dien tu|chinh phu so|chuyen doi so|cong nghe thong tin|\bcntt\b/, vi: 'Xây dựng chính quyền điện tử, chính quyền số', en: 'E-government and digital government' },
  { key: 'communication', pattern: /tuyen truyen|thong tin/, vi: 'Thông tin, tuyên truyền', en: 'Communication' },
  { key: 'indices', pattern: /chi so|par index|sipas|papi|danh gia/, vi: 'Nâng cao các chỉ số đánh giá', en: 'Assessment indices' },
  { key: 'inspection', pattern: /kiem tra|giam sat/, vi: 'Kiểm tra, giám sát', en: 'Inspection' },
];

export interface AreaRef {
  /** Stable key: a known area's, or "t:" + the folded title. */
  key: string;
  /** Position for sorting: known areas in programme order, then the others. */
  order: number;
  /** The name shown: the known area's, or the title as the first unit wrote it. */
  name: string;
}

/** Tasks above a plan's first section. */
export const NO_AREA_KEY = 'none';

/** The area of a section of a unit's report (`section` null: tasks above the first section). */
export function areaOf(section: string | null, title: string, lang: Lang, noAreaName: string): AreaRef {
  if (section === null && title.trim() === '') return { key: NO_AREA_KEY, order: Number.MAX_SAFE_INTEGER, name: noAreaName };
  // "I. ", "2.", "a)" left in the title by some plans.
  const words = title.replace(/^\s*([IVXLC]+|\d+(\.\d+)*|[a-zđ])\s*[.)/-]\s*/i, '').trim();
  const f = fold(words);
  const known = KNOWN_AREAS.findIndex((a) => a.pattern.test(f));
  if (known >= 0) return { key: KNOWN_AREAS[known].key, order: known, name: lang === 'en' ? KNOWN_AREAS[known].en : KNOWN_AREAS[known].vi };
  const name = words === '' ? (section ?? noAreaName) : words;
  return { key: `t:${fold(name)}`, order: KNOWN_AREAS.length, name };
}
