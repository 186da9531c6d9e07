/**
 * How many filled statuses, completion dates and results taking the block back would lose, in
 * words (validation.md, "Taking it back"): "3 tình trạng, 2 ngày hoàn thành và 1 kết quả thực
 * hiện" / "3 statuses, 2 completion dates and 1 result". Only the kinds that are filled are
 * named. Shared by the command line's refusal and the task pane's question.
 */
import type { Lang } from '../engine/model';

export interface LostCounts {
  statuses: number;
  doneDates: number;
  results: number;
}

export function lostList(lost: LostCounts, lang: Lang): string {
  const parts =
    lang === 'en'
      ? [
          lost.statuses ? `${lost.statuses} ${lost.statuses === 1 ? 'status' : 'statuses'}` : '',
          lost.doneDates ? `${lost.doneDates} completion ${lost.doneDates === 1 ? 'date' : 'dates'}` : '',
          lost.results ? `${lost.results} ${lost.results === 1 ? 'result' : 'results'}` : '',
        ]
      : [lost.statuses ? `${lost.statuses} tình trạng` : '', lost.doneDates ? `${lost.doneDates} ngày hoàn thành` : '', lost.results ? `${lost.results} kết quả thực hiện` : ''];
  const filled = parts.filter(Boolean);
  const and = lang === 'en' ? ' and ' : ' và ';
  return filled.length <= 1 ? (filled[0] ?? '') : `${filled.slice(0, -1).join(', ')}${and}${filled[filled.length - 1]}`;
}
