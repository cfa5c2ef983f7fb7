// docs/curator-questions.md stays true: every report it names exists, every row id it names is a figure
// of one of the entry's reports, and every quoted passage is printed in one of their source texts.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeForQuote } from '../../src/core/text.ts';

const DOC = 'docs/curator-questions.md';
const text = readFileSync(DOC, 'utf8');
const entries = text.split(/^## /m).slice(1).filter((e) => /^\d+\./.test(e));
const source = (id: string) => readFileSync(`content/reports/${id}/source.txt`, 'utf8');
const figureIds = (id: string) => new Set(readFileSync(`content/reports/${id}/figures.csv`, 'utf8').split(/\r?\n/).slice(1).map((l) => l.split(',')[0]));
// As quotes are located: emphasis, footnote marks and line breaks of the extracts are not part of the words.
const plain = normalizeForQuote;

describe('docs/curator-questions.md', () => {
  it('is linked from content/README.md', () => {
    expect(readFileSync('content/README.md', 'utf8')).toContain('docs/curator-questions.md');
  });

  it.each(entries.map((e) => [e.split('\n')[0], e] as const))('%s: reports, row ids and quotes are real', (_title, entry) => {
    const field = (name: string) => new RegExp(`\\*\\*${name}\\*\\*: ([\\s\\S]*?)(?=\\n- \\*\\*|\\n*$)`).exec(entry)?.[1] ?? '';
    const reports = [...new Set([...field('Báo cáo').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]))];
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(existsSync(`content/reports/${r}/report.json`), r).toBe(true);
    const ids = new Set(reports.flatMap((r) => [...figureIds(r)]));
    for (const m of field('Số liệu').matchAll(/`(?:([a-z0-9-]+)\/)?([a-z0-9-]+)`/g)) {
      if (m[1]) expect(figureIds(m[1]).has(m[2]), `${m[1]}/${m[2]}`).toBe(true);
      else if (!/^(dot-\d|\d{4})$/.test(m[2])) expect(ids.has(m[2]), m[2]).toBe(true);
    }
    const sources = plain(reports.map(source).join('\n'));
    const quotes = [...field('Trích dẫn').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) for (const piece of q.split('…').map((p) => p.trim()).filter((p) => p.length >= 12)) expect(sources, piece).toContain(plain(piece));
  });
});
