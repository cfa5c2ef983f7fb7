// Conversion markup in a source (Markdown headings/emphasis, <sup> footnote markers) is not shown as text
// on the full-text page, and every quote keeps its mark (offsets into the original text).
import { describe, expect, it } from 'vitest';
import { reflowSource, withoutMarkup } from '../../src/view/source-reflow.ts';

const SOURCE = [
  '**I. KẾT QUẢ**', '',
  '## **1. Thủ tục**', '',
  '- Tổng số: **262** thủ tục của **52** lĩnh vực<sup>1</sup> (*trong đó có 22 thủ tục*).', '',
  '* Công tác kiểm tra:', '',
  '---', '',
  '<sup>1</sup> Lĩnh vực Tôn giáo (8 thủ tục).', '',
].join('\n');

describe('source markup', () => {
  it('keeps the text length (quote offsets stay valid)', () => {
    expect(withoutMarkup(SOURCE)).toHaveLength(SOURCE.length);
  });
  it('shows headings, emphasis and footnote markers as printed; a "* " bullet stays', () => {
    const start = SOURCE.indexOf('**262**');
    const end = SOURCE.indexOf('(*trong');
    const r = reflowSource(SOURCE, [{ id: 'tthc', location: { start, end } }] as never[]);
    const text = (b: { segments: { text: string }[] }) => b.segments.map((s) => s.text).join('');
    expect(r.outline.map((o) => o.label)).toEqual(['I. KẾT QUẢ', '1. Thủ tục']);
    const body = r.blocks.filter((b) => b.kind === 'p').map(text);
    expect(body).toContain('- Tổng số: 262 thủ tục của 52 lĩnh vực¹ (trong đó có 22 thủ tục).');
    expect(body).toContain('* Công tác kiểm tra:');
    expect(body.join('\n')).not.toMatch(/\*\*|<sup>|---|\u0000/);
    expect(r.blocks.flatMap((b) => b.segments).find((s) => s.ids.includes('tthc'))!.text).toBe('262 thủ tục của 52 lĩnh vực¹ ');
    expect(r.footnotes.map(text)).toEqual(['1 Lĩnh vực Tôn giáo (8 thủ tục).']);
  });
});
