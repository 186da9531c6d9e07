/**
 * Settings and workbook-stored state, validated with zod at every boundary: what the task pane
 * saves, what the CLI reads from a workbook, what a user types. Both hosts store the JSON of
 * `WorkbookState` in cell A1 of a very hidden sheet named STATE_SHEET_NAME, so a correction made
 * in Excel is honoured by the command line too.
 */
import { z } from 'zod';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './dates';
import { COLUMN_ROLES, type ColumnRole } from './column-roles';

export const STATE_SHEET_NAME = 'CCHC_State';

export const columnRoleSchema = z.enum(COLUMN_ROLES as unknown as [ColumnRole, ...ColumnRole[]]);

const correctionTargetSchema = z.union([columnRoleSchema, z.literal('none')]);

/**
 * Column letter → role, or "none" to say "this column has no role". An entry remembers the
 * header text of the column it was made on ({ role, header }) so that it is applied only while
 * that header is still there; a bare role (stored before headers were remembered) is accepted.
 */
export const columnCorrectionSchema = z.record(
  z.string().regex(/^[A-Z]{1,3}$/, 'column letter, e.g. "F"'),
  z.union([correctionTargetSchema, z.strictObject({ role: correctionTargetSchema, header: z.string() })]),
);
export type ColumnCorrection = z.infer<typeof columnCorrectionSchema>;
export type ColumnCorrectionEntry = ColumnCorrection[string];

/** The role a correction entry gives its column ("none": no role). */
export function correctionRole(entry: ColumnCorrectionEntry): ColumnRole | 'none' {
  return typeof entry === 'string' ? entry : entry.role;
}

/** The header the entry was made on, when it remembers one. */
export function correctionHeader(entry: ColumnCorrectionEntry): string | undefined {
  return typeof entry === 'string' ? undefined : entry.header;
}

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/** A reporting period (report.md). Month/day pairs; `fromPrevYear` when the data starts in the
 * year before the report's year. */
export const periodDefSchema = z.object({
  id: z.enum(['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y']),
  from: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), prevYear: z.boolean() }),
  to: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  due: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
});
export type PeriodDef = z.infer<typeof periodDefSchema>;

export const DEFAULT_PERIODS: PeriodDef[] = [
  { id: 'Q1', from: { month: 12, day: 15, prevYear: true }, to: { month: 3, day: 14 }, due: { month: 3, day: 20 } },
  { id: 'Q2', from: { month: 3, day: 15, prevYear: false }, to: { month: 6, day: 14 }, due: { month: 6, day: 20 } },
  { id: 'H1', from: { month: 12, day: 15, prevYear: true }, to: { month: 6, day: 14 }, due: { month: 6, day: 20 } },
  { id: 'Q3', from: { month: 6, day: 15, prevYear: false }, to: { month: 9, day: 14 }, due: { month: 9, day: 20 } },
  { id: 'Q4', from: { month: 9, day: 15, prevYear: false }, to: { month: 12, day: 14 }, due: { month: 12, day: 20 } },
  { id: 'Y', from: { month: 12, day: 15, prevYear: true }, to: { month: 12, day: 14 }, due: { month: 12, day: 20 } },
];

export const unitAliasSchema = z.object({ alias: z.string().min(1), unit: z.string().min(1) });

export const settingsSchema = z.object({
  /** Words that make an output a deliverable, on top of the built-in list. */
  extraDeliverables: z.array(z.string().min(1)).default([]),
  dueSoonDays: z.number().int().min(0).max(365).default(30),
  lang: z.enum(['vi', 'en']).optional(),
  planYear: z.number().int().min(PLAN_YEAR_MIN).max(PLAN_YEAR_MAX).optional(),
  periods: z.array(periodDefSchema).default(DEFAULT_PERIODS),
  unitAliases: z.array(unitAliasSchema).default([]),
  agency: z.string().optional(),
  /** The report as an administrative document (report.md, "The report as a document"): what
   * the plan's title rows do not say or say otherwise. Blank or absent: read from the titles,
   * else the dotted placeholder officials fill in by hand. */
  governingAgency: z.string().optional(),
  /** The place of the place-and-date line ("Bình An"). */
  place: z.string().optional(),
  /** The agency's symbol in document numbers: "SCT" makes "Số: …/BC-SCT". */
  docSymbol: z.string().optional(),
  /** The signer's authority and title, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  signerTitle: z.string().optional(),
  signerName: z.string().optional(),
  /** "Nơi nhận": one recipient a line, without the leading dash. */
  recipients: z.array(z.string()).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The tracking columns, by role (tracking.ts's TrackingRole). */
export const trackingRoleSchema = z.enum(['status', 'doneDate', 'result', 'dueDate', 'check']);

/** What the tool added to one sheet that "taking it back" may remove (validation.md, "Taking it
 * back"): the tracking columns it created — by role, found again by their headers, so a column
 * inserted or moved since does not mislead it; a column of the user's that the block reuses is
 * never listed, so never removed — and the print settings it changed (docs/printing.md). */
const index = z.number().int().min(0);
const rangeSchema = z.object({ top: index, left: index, bottom: index, right: index });
const spanSchema = z.object({ first: index, last: index });
/** Print settings (model.ts PrintSettings) as stored. */
export const printSettingsSchema = z.object({
  printArea: rangeSchema.nullable().optional(),
  titleRows: spanSchema.nullable().optional(),
  titleColumns: spanSchema.nullable().optional(),
  zoom: z.union([z.object({ scale: z.number().min(10).max(400) }), z.object({ fitWidth: index, fitHeight: index })]).optional(),
});

export const trackingRecordSchema = z.object({
  created: z.array(trackingRoleSchema).default([]),
  /** The print settings the first check changed, as they were (restored when taken back). */
  print: printSettingsSchema.optional(),
  /** Rows grown to show "Kiểm tra" whole: their height before, and the one the tool set (a row
   * is given back its height only while it still has the tool's). */
  rows: z.array(z.object({ row: index, before: z.number().min(0), after: z.number().min(0) })).optional(),
  /** The widths in points of their own the columns the tool took had, by role ('helper' for the
   * helper column): given back when taken back (a column without one gets the default). */
  widths: z.partialRecord(z.enum([...trackingRoleSchema.options, 'helper']), z.number().min(0)).optional(),
});
export type TrackingRecord = z.infer<typeof trackingRecordSchema>;

/** The sheets the last roll-up wrote into this workbook (docs/rollup.md, "A roll-up again"):
 * each by name with the digest of its values and formulas as written, so that the next roll-up
 * replaces or removes them without asking while they are as the tool left them, and asks when
 * someone has edited one. A sheet not listed is the user's and is never removed. */
export const rollupRecordSchema = z.object({
  madeOn: isoDateSchema,
  sheets: z.array(z.object({ name: z.string().min(1), digest: z.string().regex(/^[0-9a-f]{16}$/), bytes: z.number().int().min(0) })),
});
export type RollupRecord = z.infer<typeof rollupRecordSchema>;

export const workbookStateSchema = z.object({
  version: z.literal(1),
  /** Column-role corrections, per sheet name. */
  corrections: z.record(z.string(), columnCorrectionSchema).default({}),
  settings: settingsSchema.default(settingsSchema.parse({})),
  /** The tracking block's record, per sheet name. */
  tracking: z.record(z.string(), trackingRecordSchema).default({}),
  /** The last roll-up's sheets, when one was written into this workbook. */
  rollup: rollupRecordSchema.optional(),
});
export type WorkbookState = z.infer<typeof workbookStateSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export function emptyWorkbookState(): WorkbookState {
  return workbookStateSchema.parse({ version: 1 });
}

/** Nothing to remember: the defaults, no correction, no tracking record — a workbook needs no
 * state sheet for it (taking the block back removes the sheet, validation.md "Taking it back"). */
export function isEmptyState(state: WorkbookState): boolean {
  return canonical(state) === canonical(emptyWorkbookState());
}

/** JSON with the keys of every object sorted: two states compare whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Parse stored JSON; a damaged or foreign value gives the defaults and the reason, never a throw. */
export function parseWorkbookState(json: string | null | undefined): { state: WorkbookState; problem: string | null } {
  if (json === null || json === undefined || json.trim() === '') return { state: emptyWorkbookState(), problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { state: emptyWorkbookState(), problem: 'stored state is not JSON' };
  }
  const parsed = workbookStateSchema.safeParse(raw);
  if (!parsed.success) return { state: emptyWorkbookState(), problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { state: parsed.data, problem: null };
}
