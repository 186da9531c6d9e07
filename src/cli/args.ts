/**
 * zod schemas for the options the commands share. Each failed check carries the one sentence
 * the user will read, in their language.
 */
import { z } from 'zod';
import type { Lang } from '../engine/model';
import { isISODate, isValidDay, PLAN_YEAR_MAX, PLAN_YEAR_MIN, ymd } from '../engine/dates';
import type { ISODate } from '../engine/model';
import { PERIOD_IDS, type PeriodId } from '../report/periods';
import { EXIT_COULD_NOT_CHECK, type CommandContext } from './command';
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

/** --lang: vi (the default) or en, in any case. */
export function langOption() {
  return z.string().optional().transform((v, ctx) => {
    if (v === undefined) return 'vi' as Lang;
    const parsed = langSchema.safeParse(v.trim().toLowerCase());
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: messages.badLang(v) });
      return z.NEVER;
    }
    return parsed.data;
  });
}

/** The files named on the command line: at least one. */
export function filesArgument(lang: Lang) {
  return z.array(z.string().min(1)).min(1, { message: messages.missingFile(lang) });
}

/** An --out the command cannot do without; `missing` says what to name. */
export function requiredOutOption(missing: string) {
  return z.string({ error: missing }).trim().min(1, { message: missing });
}

/** The input and the copy of a command that writes one copy of one file (clean, convert), in
 * its own words: `oneFile` when more files are given, `missingOut` without --out. */
export function oneCopySchema(lang: Lang, words: { oneFile: string; missingOut: string }) {
  return {
    files: filesArgument(lang).max(1, { message: words.oneFile }),
    out: requiredOutOption(words.missingOut),
  };
}

export function commonOptionsSchema(lang: Lang) {
  return {
    sheet: z.string().trim().min(1, { message: messages.badSheet(lang) }).optional(),
    asOf: isoDayOption(lang).optional(),
    out: z.string().trim().min(1, { message: messages.badOut(lang) }).optional(),
    json: z.boolean().default(false),
    lang: langOption(),
  };
}

const MISSING_PERIOD = {
  vi: 'Thiếu --period: chọn kỳ báo cáo Q1, Q2, H1 (6 tháng), Q3, Q4 hoặc Y (năm).',
  en: 'Missing --period: choose the reporting period Q1, Q2, H1 (half-year), Q3, Q4 or Y (year).',
};

/** --period, required: one of the period table's ids, in any case. `badPeriod` words a value
 * that is none of them (report and rollup word it differently). */
export function periodOption(lang: Lang, badPeriod: (value: string) => string) {
  return z.string({ error: lang === 'en' ? MISSING_PERIOD.en : MISSING_PERIOD.vi }).transform((v, ctx) => {
    const id = v.trim().toUpperCase();
    if (!(PERIOD_IDS as readonly string[]).includes(id)) {
      ctx.addIssue({ code: 'custom', message: badPeriod(v) });
      return z.NEVER;
    }
    return id as PeriodId;
  });
}

/** --format: xlsx (the default) or docx, in any case; `badFormat` words any other value. */
export function formatOption(badFormat: (value: string) => string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const format = (v ?? 'xlsx').trim().toLowerCase();
      if (format !== 'xlsx' && format !== 'docx') {
        ctx.addIssue({ code: 'custom', message: badFormat(v ?? '') });
        return z.NEVER;
      }
      return format as 'xlsx' | 'docx';
    });
}

/** The first problem's sentence, for stderr. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid arguments';
}

/** A command's action once commander has read argv: the arguments checked by the command's
 * schema, then its run. Arguments that do not pass are one sentence and exit status 2. */
export async function runParsed<T>(ctx: CommandContext, parsed: z.ZodSafeParseResult<T>, run: (args: T, ctx: CommandContext) => Promise<number>): Promise<void> {
  if (!parsed.success) {
    ctx.io.stderr(`${firstProblem(parsed.error)}\n`);
    ctx.setExitCode(EXIT_COULD_NOT_CHECK);
    return;
  }
  ctx.setExitCode(await run(parsed.data, ctx));
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
