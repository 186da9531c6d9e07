/**
 * zod schemas for the options the commands share. Each failed check carries the one sentence
 * the user will read, in their language.
 */
import { z } from 'zod';
import type { Lang } from '../engine/model';
import { isISODate, isValidDay, PLAN_YEAR_MAX, PLAN_YEAR_MIN, ymd } from '../engine/dates';
import type { ISODate } from '../engine/model';
import { messages } from './messages';

/** dd/mm/yyyy as Vietnamese documents write it (d/m/yyyy and dots or dashes too: 5.1.2024,
 * 15-10-2024), or YYYY-MM-DD. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** The calendar day a command-line date means, or null when it is not a real day (31/02/2024). */
export function parseDayArgument(value: string): ISODate | null {
  const t = value.trim();
  if (isISODate(t)) return t;
  const m = DAY_FIRST.exec(t);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? ymd(year, month, day) : null;
}

/** A date option: dd/mm/yyyy or YYYY-MM-DD, turned into YYYY-MM-DD. */
export function isoDayOption(lang: Lang, option = '--as-of') {
  return z.string().transform((v, ctx) => {
    const day = parseDayArgument(v);
    if (day === null) {
      ctx.addIssue({ code: 'custom', message: messages.badDate(option, v, lang) });
      return z.NEVER;
    }
    return day;
  });
}

export function yearOption(lang: Lang, option: string) {
  return z.string().transform((v, ctx) => {
    const t = v.trim();
    const n = Number(t);
    if (!/^\d{4}$/.test(t) || n < PLAN_YEAR_MIN || n > PLAN_YEAR_MAX) {
      ctx.addIssue({ code: 'custom', message: messages.badYear(option, v, lang) });
      return z.NEVER;
    }
    return n;
  });
}

export const langSchema = z.enum(['vi', 'en']);

export function commonOptionsSchema(lang: Lang) {
  return {
    sheet: z.string().trim().min(1, { message: messages.badSheet(lang) }).optional(),
    asOf: isoDayOption(lang).optional(),
    out: z.string().trim().min(1, { message: messages.badOut(lang) }).optional(),
    json: z.boolean().default(false),
    lang: z.string().optional().transform((v, ctx) => {
      if (v === undefined) return 'vi' as Lang;
      const parsed = langSchema.safeParse(v.trim().toLowerCase());
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: messages.badLang(v) });
        return z.NEVER;
      }
      return parsed.data;
    }),
  };
}

/** The first problem's sentence, for stderr. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid arguments';
}

/** --lang as written anywhere in argv (before commander runs), so even argument errors are worded
 * in the user's language. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && value.trim().toLowerCase() === 'en') return 'en';
  }
  return 'vi';
}
