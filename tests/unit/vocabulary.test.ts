// The glossary of ARCHITECTURE.md, enforced where words collide: "chỉ số" is an indicator and
// "chỉ tiêu kế hoạch" a plan target (never a bare "chỉ tiêu"); "đơn vị tính" is a unit of
// measure and "cơ quan, đơn vị" an organization (a bare "đơn vị" only with an organization
// qualifier: kế thừa, tiền thân, cấp trên, hành chính, trực thuộc). Checked over every
// published column title and over the validator's message catalogue, i.e. every message
// and hint the bad-content corpus makes it produce.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveSite } from '../../src/pipeline/derive.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { columnsOf, INDICATOR_FIELDS, OBSERVATION_FIELDS, TARGET_FIELDS, type Column } from '../../src/publish/columns.ts';
import { buildDatasets, referenceTables } from '../../src/publish/datasets.ts';
import { fixtureReader } from '../fixtures/content.ts';
import { cases } from '../fuzz/cases.ts';

/** Words that break the glossary; text in double quotes (ids, values, source words) is left out. */
export function vocabularyProblems(text: string): string[] {
  const t = text.replace(/"[^"]*"/g, '""').replace(/“[^”]*”/g, '""').toLowerCase();
  const out: string[] = [];
  if (/chỉ tiêu(?! kế hoạch)/u.test(t)) out.push('"chỉ tiêu" without "kế hoạch" (indicator = "chỉ số", target = "chỉ tiêu kế hoạch")');
  if (/(?<!cơ quan, )đơn vị(?! (?:tính|kế thừa|tiền thân|cấp trên|hành chính|trực thuộc))/u.test(t))
    out.push('bare "đơn vị" (unit = "đơn vị tính", organization = "cơ quan, đơn vị")');
  return out;
}

const { content, issues } = validateContent(loadContent(fixtureReader()));
const site = deriveSite(content, issues);

describe('glossary rule', () => {
  it.each([
    ['Đơn vị tính "%" khác đơn vị tính của chỉ số', 0],
    ['Cơ quan, đơn vị "x" không có', 0],
    ['đơn vị kế thừa "y" không tồn tại', 0],
    ['Chỉ tiêu kế hoạch', 0],
    ['Trích dẫn "chỉ tiêu 5" in trong văn bản', 0],
    ['"a" có đơn vị "ha"', 1],
    ['Kỳ chỉ tiêu', 1],
    ['một bảng cho mỗi chỉ tiêu, theo đơn vị', 2],
  ])('%s → %i problem(s)', (text, n) => expect(vocabularyProblems(text)).toHaveLength(n));
});

describe('published column titles', () => {
  const tables: [string, Column[]][] = [
    ['observations', columnsOf(OBSERVATION_FIELDS)],
    ['targets', columnsOf(TARGET_FIELDS)],
    ['indicators', columnsOf(INDICATOR_FIELDS)],
    ...buildDatasets(site).map((d): [string, Column[]] => [d.id, d.table.columns]),
    ...referenceTables(site).map((r): [string, Column[]] => [r.id, r.table.columns]),
  ];
  it.each(tables)('%s: no two columns share a title', (_name, columns) => {
    const titles = columns.map((c) => c.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });
  it.each(tables)('%s: titles follow the glossary', (_name, columns) => {
    expect(columns.flatMap((c) => vocabularyProblems(c.title).map((p) => `${c.name} "${c.title}": ${p}`))).toEqual([]);
  });
});

describe('validator message catalogue', () => {
  const messages = new Set<string>();
  for (const c of cases)
    for (const lenient of [false, true])
      for (const i of validateContent(loadContent(fixtureReader(c.files)), { lenient }).issues) {
        messages.add(i.message);
        if (i.hint) messages.add(i.hint);
      }
  it('the corpus exercises a large catalogue', () => expect(messages.size).toBeGreaterThan(100));
  it('every message and hint follows the glossary', () => {
    expect([...messages].flatMap((m) => vocabularyProblems(m).map((p) => `${m} — ${p}`))).toEqual([]);
  });
  // Messages the corpus does not reach: every code line of the validator and its rules.
  it('every message written in src/pipeline/validate.ts and src/pipeline/rules/ follows the glossary', () => {
    const files = ['src/pipeline/validate.ts', ...readdirSync('src/pipeline/rules').map((f) => `src/pipeline/rules/${f}`)];
    const problems = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/^\s*(\/\/|\*|\/\*)/.test(line) ? [] : vocabularyProblems(line).map((p) => `${file}:${i + 1}: ${p}`))),
    );
    expect(problems).toEqual([]);
  });
});
