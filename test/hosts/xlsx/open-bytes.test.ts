/**
 * The workbook read from bytes with the platform's inflater (what the task pane does in the
 * browser) gives the engine exactly what the command line's reader gives it, and refuses what
 * it refuses.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { openWorkbookBytes, BytesOpenError } from '../../../src/hosts/xlsx/open-bytes';
import { openXlsxWorkbook } from '../../../src/hosts/xlsx/port';
import { districtPlan } from '../../../src/testing/plans';
import { writeXlsx, xlsxBuffer } from '../../../src/testing/plans/xlsx';
import { huyenPlan } from '../../fixtures/plans';
import { PLAN_2024 } from '../../report/plan-fixture';
import { LEGACY_DISTRICT } from '../../rollup/units-fixture';
import type { PlanWorkbook } from '../../../src/testing/plans';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-bytes-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const CASES: [string, PlanWorkbook][] = [
  ['a department plan with statuses and dates', { sheets: [PLAN_2024] }],
  ['a TCVN3 plan in .VnTime', { sheets: [LEGACY_DISTRICT] }],
  ['a district plan on its second sheet, with <b> tags and an error value', huyenPlan],
  ['300 tasks with merges, hidden rows and the user’s formatting', districtPlan(300).workbook],
];

test.each(CASES)('%s: the same sheet, grid and state as the file reader', async (_name, plan) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeXlsx(plan, file);
  const bytes = new Uint8Array(await fs.readFile(file));
  const fromBytes = await (await openWorkbookBytes(bytes)).readSheet({ forWriting: false });
  const fromFile = await (await openXlsxWorkbook(file)).readSheet({ forWriting: false });
  expect(fromBytes).toEqual(fromFile);
  expect(fromBytes.ok).toBe(true);
});

describe('refusals', () => {
  async function code(bytes: Uint8Array, limits?: { part: number; total: number }): Promise<string> {
    try {
      await openWorkbookBytes(bytes, limits ? { limits } : {});
    } catch (e) {
      if (e instanceof BytesOpenError) return e.code;
      throw e;
    }
    return 'opened';
  }

  test('not a zip, an old .xls, an encrypted workbook, a cut-short file', async () => {
    expect(await code(new TextEncoder().encode('STT;Nhiệm vụ\n1;Rà soát'))).toBe('not-workbook');
    const cfb = new Uint8Array(600);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await code(cfb)).toBe('old-xls');
    const encrypted = cfb.slice();
    encrypted.set(Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]), 200);
    expect(await code(encrypted)).toBe('encrypted');
    const whole = new Uint8Array(await xlsxBuffer({ sheets: [PLAN_2024] }));
    expect(await code(whole.subarray(0, Math.floor(whole.length * 0.6)))).toBe('damaged');
  });

  test('a part that expands past the cap is refused before it is kept', async () => {
    const big = new Uint8Array(await xlsxBuffer(districtPlan(2000).workbook));
    expect(await code(big, { part: 64 * 1024, total: 1024 * 1024 })).toBe('too-large');
    expect(await code(big, { part: 64 * 1024 * 1024, total: 256 * 1024 })).toBe('too-large');
    expect(await code(big)).toBe('opened');
  });
});
