/**
 * fold's memo (src/engine/text.ts): a text folded again, or after the memo started over, folds
 * as the first time; long texts bypass it.
 */
import fc from 'fast-check';
import { fold, foldText } from '../../src/engine/text';

const VIETNAMESE = ['Ghi chú', 'GHI CHÚ:', 'Nơi nhận', 'Tổng cộng', 'Cộng mục I', 'Đơn vị chủ trì', 'Thường  xuyên', 'Chủ\u00adtrì', 'Quý I/2024', '1.500.000 đồng', 'Ngu\u031bo\u031b\u0300i la\u0323\u0302p bie\u0302\u0309u'];

describe('fold and its memo', () => {
  it('folds each text as it does without the memo, however often it is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...VIETNAMESE), fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 40 }), (texts) => {
        for (const t of [...texts, ...texts]) expect(fold(t)).toBe(foldText(t));
      }),
    );
  });

  it('folds what it folded before the memo started over', () => {
    const first = VIETNAMESE.map(fold);
    // More distinct texts than the memo keeps: it starts over at least once.
    for (let i = 0; i < 25_000; i++) fold(`Nhiệm vụ ${i}`);
    expect(VIETNAMESE.map(fold)).toEqual(first);
    expect(fold('Nhiệm vụ 24999')).toBe('nhiem vu 24999');
  });

  it('folds texts longer than the memo keeps as it folds short ones', () => {
    const long = `${'Rà soát, đánh giá thủ tục hành chính '.repeat(4)}NĂM 2024`;
    expect(long.length).toBeGreaterThan(100);
    expect(fold(long)).toBe(foldText(long));
    expect(fold(long)).toBe(`${'ra soat, danh gia thu tuc hanh chinh '.repeat(4)}nam 2024`);
  });

  it('keeps the words of Vietnamese texts in their folded form', () => {
    expect(VIETNAMESE.map(fold)).toEqual(['ghi chu', 'ghi chu:', 'noi nhan', 'tong cong', 'cong muc i', 'don vi chu tri', 'thuong xuyen', 'chutri', 'quy i/2024', '1.500.000 dong', 'nguoi lap bieu']);
  });
});
