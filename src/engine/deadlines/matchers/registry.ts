/**
 * The matchers in the order they are tried at each token, and the tokens each can start on.
 * Order matters where two can start on the same token: a document number is masked before
 * it is read as a date, a bare numeral continues a list ("Quý I, II") before it is read as a
 * number, and "khi có yêu cầu" is on-demand work before "khi" is an event cue.
 */
import { GLUED_QUARTER_RE, ONGOING_PHRASES, PART_WORDS, RECUR_TRIGGERS, ROMAN, SPELLED } from '../lexicon';
import type { Tok } from '../normalize';
import type { Matcher } from '../scanner';
import { citation, horizon, referenceCue, theo } from './citations';
import { eventCue, onDemand } from './events';
import { modifier } from './modifiers';
import { numberish } from './numbers';
import { half, part } from './parts';
import { continuation, month, quarter, yearWord } from './periods';
import { ongoing, recurPhrase, trigger } from './recurring';

/** A matcher and the tokens it can start on: only those whose first word (or number) is the
 * token at hand are tried. */
export interface MatcherDef {
  match: Matcher;
  words?: readonly string[];
  numbers?: boolean;
  wordTest?: (w: string) => boolean;
}

export const MATCHERS: readonly MatcherDef[] = [
  { match: horizon, words: ['giai', 'dinh', 'tam', 'gd'] },
  { match: citation, words: ['ngay', 'so', 'iso'], numbers: true },
  { match: ongoing, words: ONGOING_PHRASES.map((p) => p[0]) },
  { match: theo, words: ['theo', 'can'] },
  { match: continuation, numbers: true, wordTest: (w) => ROMAN[w] !== undefined },
  { match: quarter, words: ['quy', 'qui', 'q'], wordTest: (w) => GLUED_QUARTER_RE.test(w) },
  { match: month, words: ['t', 'thang'] },
  { match: yearWord, words: ['nam'] },
  { match: part, words: Object.keys(PART_WORDS) },
  { match: half, words: ['nua', 'ban'] },
  { match: numberish, numbers: true, wordTest: (w) => SPELLED[w] !== undefined },
  { match: recurPhrase, words: ['thuong', 'lien', 'hang', 'moi'] },
  { match: trigger, words: ['dinh', 'bao', ...RECUR_TRIGGERS] },
  { match: onDemand, words: ['khi', 'yeu', 'dot', 'bat'] },
  { match: eventCue, words: ['khi', 'kip', 'phat', 'neu', 'ke', 'tinh', 'sau'] },
  { match: referenceCue, words: ['quy', 'lo'] },
  { match: modifier, words: ['truoc', 'cham', 'khong', 'toi', 'thoi', 'han', 'het', 'den', 'bat', 'tu'] },
];

const NO_MATCHERS: readonly Matcher[] = [];
const NUMBER_MATCHERS: readonly Matcher[] = MATCHERS.filter((d) => d.numbers).map((d) => d.match);
const wordMatchers = new Map<string, readonly Matcher[]>();

/** The matchers that can start on a token, in order. */
export function matchersFor(tk: Tok): readonly Matcher[] {
  if (tk.type === 'num') return NUMBER_MATCHERS;
  if (tk.type !== 'word') return NO_MATCHERS;
  let list = wordMatchers.get(tk.s);
  if (!list) {
    const found = MATCHERS.filter((d) => d.words?.includes(tk.s) || d.wordTest?.(tk.s)).map((d) => d.match);
    list = found.length ? found : NO_MATCHERS;
    // Bounded: a sheet of free text must not grow the cache without end.
    if (wordMatchers.size < 10_000) wordMatchers.set(tk.s, list);
  }
  return list;
}
