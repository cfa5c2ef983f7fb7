import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../src/core/period.ts';
import { numbersInText, parseVietnameseNumber, textMentionsValue, statesNone } from '../../src/core/vn-number.ts';
import { formatChange, formatNumber, formatValue, formatWithComparator } from '../../src/core/format.ts';

describe('parseVietnameseNumber', () => {
  it.each([
    ['67.628', 67628],
    ['98,7', 98.7],
    ['98,7%', 98.7],
    ['5.124.951', 5124951],
    ['126,203', 126.203],
    ['07', 7],
    ['1.363', 1363],
    ['0,5', 0.5],
    ['-2,5', -2.5],
    ['7000', 7000],
  ])('%s → %d', (text, value) => expect(parseVietnameseNumber(text)).toBe(value));

  it.each(['', 'abc', '1.23', '1,2,3', '67.62', '1..2', '12.3456'])('rejects %j (not Vietnamese notation)', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});

describe('numbersInText / textMentionsValue', () => {
  it('reads every number token of a sentence', () => {
    const tokens = numbersInText('tiếp nhận 67.628 hồ sơ, đạt tỷ lệ 35,26%').map((t) => t.values[0]);
    expect(tokens).toEqual([67628, 35.26]);
  });
  it('accepts an English decimal point as a fallback ("99.28%")', () => {
    expect(textMentionsValue('ký số đạt trên 99.28%', 99.28)).toBe(true);
  });
  it('does not confuse a thousands group with a decimal', () => {
    expect(textMentionsValue('tiếp nhận 67.628 hồ sơ', 67.628)).toBe(false);
    expect(textMentionsValue('tiếp nhận 67.628 hồ sơ', 67628)).toBe(true);
  });
  it('finds zero-padded counts', () => expect(textMentionsValue('ban hành 07 văn bản', 7)).toBe(true));
});

describe('vi-VN display formatting', () => {
  it.each([
    [67628, '67.628'],
    [98.7, '98,7'],
    [126.203, '126,203'],
    [5124951, '5.124.951'],
    [-2.5, '-2,5'],
    [0, '0'],
  ])('formatNumber(%d) = %s', (v, s) => expect(formatNumber(v)).toBe(s));

  it('formats values with units, denominators and comparators', () => {
    expect(formatValue(35.26, '%')).toBe('35,26%');
    expect(formatValue(67628, 'hồ sơ')).toBe('67.628 hồ sơ');
    expect(formatValue(22, 'hạng', 63)).toBe('hạng 22/63');
    expect(formatWithComparator(90, '%', '>=')).toBe('tối thiểu 90%');
    expect(formatWithComparator(1.4, 'tỷ đồng', '>')).toBe('trên 1,4 tỷ đồng');
    expect(formatWithComparator(100, '%', '=')).toBe('100%');
  });

  it('formats changes with an ASCII minus and percentage points', () => {
    expect(formatChange(-63, 'hồ sơ')).toBe('-63');
    expect(formatChange(1234, 'hồ sơ')).toBe('+1.234');
    expect(formatChange(2.5, '%')).toBe('+2,5 điểm %');
  });

  it.each([
    ['2024-Q3', 'quý III/2024'],
    ['2025-Q1', 'quý I/2025'],
    ['2023-H1', '6 tháng đầu năm 2023'],
    ['2024', 'năm 2024'],
    ['2024-01/2024-09', '9 tháng đầu năm 2024'],
    ['2024-08-25', 'ngày 25/8/2024'],
    ['2024-08', 'tháng 8/2024'],
  ])('periodLabel(%s) = %s', (p, s) => expect(periodLabel(p)).toBe(s));
});

describe('statesNone: an explicit zero printed in words', () => {
  it.each([
    ['qua kiểm tra chưa phát hiện văn bản có dấu hiệu trái pháp luật.', true],
    ['trên địa bàn huyện chưa có kiến nghị phản ánh nào liên quan', true],
    ['không có đơn vị nào xếp loại trung bình, yếu', true],
    ['không có văn bản QPPL sửa đổi, bổ sung/thay thế/bãi bỏ/ban hành mới.', true],
    ['thu hút người có tài năng vào làm việc tại các cơ quan nhà nước ở địa phương: Không.', true],
    ['Trong kỳ không phát sinh hồ sơ quá hạn', true],
    ['đã giải quyết 62.233 hồ sơ', false],
    ['Không ngừng nâng cao chất lượng phục vụ', false],
    ['không chỉ nâng cao chất lượng mà còn', false],
  ])('%s → %s', (text, none) => expect(statesNone(text)).toBe(none));
});
