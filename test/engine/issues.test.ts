/**
 * The issue catalogue: everything derived from it (codes, data codes, severities, pane order)
 * and the failure reasons.
 */
import {
  DATA_ISSUE_CODES,
  FAILURE_CATALOGUE,
  FAILURE_CODES,
  ISSUE_CATALOGUE,
  ISSUE_CODES,
  ISSUE_PANE_ORDER,
  SEVERITY,
} from '../../src/engine/issues';

describe('issue catalogue', () => {
  it('lists the codes of validation.md in its order', () => {
    expect(ISSUE_CODES).toEqual([
      'lead-missing', 'deadline-missing', 'deadline-unparsed', 'deadline-not-fixed', 'deadline-before-plan',
      'output-missing', 'output-unquantified', 'overdue', 'milestone-missed', 'due-soon',
    ]);
  });

  it('keeps the severities of validation.md', () => {
    expect(SEVERITY).toEqual({
      'lead-missing': 'error', 'deadline-missing': 'error', 'deadline-unparsed': 'error',
      'deadline-not-fixed': 'warning', 'deadline-before-plan': 'warning', 'output-missing': 'error',
      'output-unquantified': 'warning', overdue: 'error', 'milestone-missed': 'warning', 'due-soon': 'info',
    });
  });

  it('takes the data codes from their category: the ones whose verdict does not depend on the date', () => {
    expect(DATA_ISSUE_CODES).toEqual([
      'lead-missing', 'deadline-missing', 'deadline-unparsed', 'deadline-not-fixed', 'deadline-before-plan',
      'output-missing', 'output-unquantified',
    ]);
    for (const code of ISSUE_CODES) {
      expect(ISSUE_CATALOGUE[code].category).toBe(DATA_ISSUE_CODES.includes(code) ? 'data' : 'progress');
    }
  });

  it('orders the pane by each code’s rank, every code once', () => {
    expect([...ISSUE_PANE_ORDER].sort()).toEqual([...ISSUE_CODES].sort());
    const ranks = ISSUE_PANE_ORDER.map((c) => ISSUE_CATALOGUE[c].paneOrder);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('gives every code its own message key', () => {
    const keys = ISSUE_CODES.map((c) => ISSUE_CATALOGUE[c].messageKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports every failure reason under a known failure code, and uses every code', () => {
    const used = Object.values(FAILURE_CATALOGUE);
    for (const code of used) expect(FAILURE_CODES).toContain(code);
    expect([...new Set(used)].sort()).toEqual([...FAILURE_CODES].sort());
  });
});
