/**
 * What the scanner finds: atoms in text order. A time expression (TeAtom) is kept before its
 * year is known; the resolver (resolve.ts) gives it a year and a calendar window.
 */
import type { DeadlineOffset, Recurrence } from '../model';

export type Part = 'early' | 'mid' | 'late';

/** A time expression before its year is known. */
export type TeSpec =
  | { u: 'day'; d: number; m: number }
  | { u: 'month'; m: number }
  | { u: 'monthPart'; m: number; part: Part }
  | { u: 'quarter'; q: number }
  | { u: 'firstMonths'; n: number }
  | { u: 'lastMonths'; n: number }
  | { u: 'yearPart'; part: Part }
  | { u: 'year' }
  | { u: 'offset'; base: TeSpec; offset: DeadlineOffset };

/** How a time expression is joined to the one before it, when only connectors lie between. */
export type Join = 'range' | 'or' | 'list';
/** The word in front: "trước" (before), "chậm nhất"/"đến" (until), "từ" (from), "sau" (after),
 * "kể từ" (anchor of an offset). */
export type Mod = 'before' | 'until' | 'from' | 'after' | 'anchor';

export interface TeAtom {
  k: 'te';
  spec: TeSpec;
  /** The year written with it, or null. */
  year: number | null;
  /** Token span [from, to). */
  from: number;
  to: number;
  join: Join | null;
  mod: Mod | null;
  /** A year-less quarter inside a list of reporting periods ("Báo cáo quý I, 6 tháng, năm"). */
  reportish: boolean;
}

export type Atom =
  | TeAtom
  | { k: 'recur'; every: Recurrence; year: number | null; at: number }
  | { k: 'ondemand'; at: number }
  | { k: 'event'; offset: DeadlineOffset | null; at: number }
  | { k: 'reference'; at: number }
  | { k: 'ongoing'; at: number }
  | { k: 'invalid'; at: number };

export type ScanMode = 'parse' | 'years';
