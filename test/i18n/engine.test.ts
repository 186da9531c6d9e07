/**
 * The engine's words: one language per wording, every failure reason said in both languages.
 */
import { FAILURE_CATALOGUE, type FailureFacts, type FailureReason } from '../../src/engine/issues';
import type { Lang } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';
import { ISSUE_TEMPLATES } from '../../src/i18n/issues';

const FACTS: FailureFacts = {
  emptySheet: { sheet: 'Trống' },
  noTable: { sheet: 'Ghi chú' },
  reportSheet: { sheet: 'BC Quý I-2024' },
  ambiguousTable: { sheet: 'Phụ lục', firstHeaderRow: 5, secondHeaderRow: 40 },
  sideBySideTables: { sheet: 'Phụ lục', first: 'A–H', second: 'J–Q' },
  badSettings: { detail: 'dueSoonDays: too big' },
  noRoomForTracking: { sheet: 'Phụ lục' },
};
const REASONS = Object.keys(FAILURE_CATALOGUE) as FailureReason[];
const LANGS: Lang[] = ['vi', 'en'];

function say<K extends FailureReason>(lang: Lang, reason: K): string {
  return engineWording(lang).failures[reason](FACTS[reason]);
}

describe('engineWording', () => {
  it('carries its language and that language’s issue templates', () => {
    for (const lang of LANGS) {
      expect(engineWording(lang).lang).toBe(lang);
      expect(engineWording(lang).issues).toBe(ISSUE_TEMPLATES[lang]);
    }
  });

  it.each(REASONS)('says %s in both languages, naming its facts, NFC', (reason) => {
    for (const lang of LANGS) {
      const m = say(lang, reason);
      expect(m).toBe(m.normalize('NFC'));
      for (const fact of Object.values(FACTS[reason])) expect(m).toContain(String(fact));
    }
    expect(say('vi', reason)).not.toBe(say('en', reason));
  });

  it('keeps the sentences of the command line and the pane', () => {
    expect(say('vi', 'emptySheet')).toBe('Trang tính “Trống” không có dữ liệu.');
    expect(say('en', 'emptySheet')).toBe('Sheet “Trống” is empty.');
    expect(say('vi', 'ambiguousTable')).toContain('tiêu đề ở dòng 5 và dòng 40');
    expect(say('en', 'badSettings')).toBe('Invalid settings: dueSoonDays: too big');
  });
});
