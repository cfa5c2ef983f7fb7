// Quoted sentences on the full-text page: every figure's quote is highlighted to its end, also when
// two quotes overlap (kon-tum-2025-q1: the "09 văn bản" quote and the zero found by that review share
// a start, the second runs one sentence further).
import { describe, expect, it } from 'vitest';
import { sourceSegments } from '../../src/view/source-marks.ts';

const TEXT = 'Kiểm tra 09 văn bản. Qua kiểm tra chưa phát hiện văn bản trái pháp luật. Hết.';
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

describe('sourceSegments', () => {
  it('keeps the whole text, in order', () => {
    const segs = sourceSegments(TEXT, [{ id: 'a', location: at('09 văn bản') }]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    expect(segs.find((s) => s.ids.length)!.text).toBe('09 văn bản');
  });
  it('grows a mark to the union when an overlapping quote runs past it', () => {
    const first = 'Kiểm tra 09 văn bản.';
    const longer = '09 văn bản. Qua kiểm tra chưa phát hiện văn bản trái pháp luật.';
    const segs = sourceSegments(TEXT, [
      { id: 'count', location: at(first) },
      { id: 'zero', location: at(longer) },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    const mark = segs.filter((s) => s.ids.length);
    expect(mark).toHaveLength(1);
    expect(mark[0]!.ids).toEqual(['count', 'zero']);
    expect(mark[0]!.text).toBe('Kiểm tra 09 văn bản. Qua kiểm tra chưa phát hiện văn bản trái pháp luật.');
  });
  it('a quote inside another adds only an anchor', () => {
    const segs = sourceSegments(TEXT, [
      { id: 'outer', location: at('Kiểm tra 09 văn bản. Qua') },
      { id: 'inner', location: at('09 văn bản') },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    expect(segs.filter((s) => s.ids.length).map((s) => [s.text, s.ids])).toEqual([['Kiểm tra 09 văn bản. Qua', ['outer', 'inner']]]);
  });
});
