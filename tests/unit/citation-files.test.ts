// Citation files (issue 14): one BibTeX/RIS file per report holding the report and every figure,
// and the browser's single-entry download of one figure written from the record in the page.
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatasets } from '../../src/publish/datasets.ts';
import { citationFileRecords, citationFiles, citationPage, datasetCitation, figureLineFromPage, figureShortLine, figureWhat, ownCitationFile, figureCitation, figureCiteAttr, figureRecordFromPage, reportCitationRecords, toBibtex, toBibtexFile, toRis } from '../../src/view/citation.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

const { site } = runPipeline(process.cwd());

describe('report citation files', () => {
  const files = reportCitationRecords(site);
  it("every report has a file starting with its own entry, then each of its figures once, then its dataset's entry", () => {
    expect([...files.keys()].sort()).toEqual(site.content.reports.map((r) => r.meta.id).sort());
    for (const [id, records] of files) {
      expect(records[0].key).toBe(`bao-cao:${id}`);
      const figures = site.figures.filter((f) => f.reportId === id).map((f) => `so-lieu:${id}:${f.id}`);
      expect(records.slice(1, 1 + figures.length).map((r) => r.key)).toEqual(figures);
      expect(records.slice(1 + figures.length).map((r) => r.key)).toEqual(figures.length ? [`du-lieu:bao-cao-${id}`] : []);
    }
    expect([...files.values()].reduce((n, r) => n + r.length - 1, 0)).toBe(site.figures.length + buildDatasets(site).filter((d) => d.kind === 'report').length);
  });
  it("a report's BibTeX file holds every figure; its RIS file the report and its dataset only (figures' RIS is written in the browser)", () => {
    const byPath = new Map(citationFileRecords(site).map((f) => [f.path, f.records.map((r) => r.key)]));
    for (const [id, records] of files) {
      expect(byPath.get(citationFiles.path(`bao-cao:${id}`, 'bib'))).toEqual(records.map((r) => r.key));
      expect(byPath.get(citationFiles.path(`bao-cao:${id}`, 'ris'))).toEqual(records.map((r) => r.key).filter((k) => !k.startsWith('so-lieu:')));
    }
    // Indicator and other dataset files: the same single entry in both formats.
    for (const [path, keys] of byPath) if (!path.startsWith('/trich-dan/bao-cao/')) expect(keys, path).toHaveLength(1);
  });
  it("every dataset's citation is in exactly one file: its own, or its report's (linked from the dataset page)", () => {
    const inReports = new Set([...files.values()].flat().map((r) => r.key));
    for (const d of buildDatasets(site)) {
      const own = ownCitationFile(d);
      expect(own, d.id).toBe(d.kind !== 'report');
      expect(inReports.has(datasetCitation(d).key), d.id).toBe(!own);
      if (!own) expect(citationFiles.dataset(d, 'ris')).toBe(citationFiles.figure(d.reports[0], 'ris'));
    }
  });
  it("a figure's fallback link is its report's file", () => {
    const f = site.figures[0];
    expect(citationFiles.figure(f.reportId, 'bib')).toBe(citationFiles.path(`bao-cao:${f.reportId}`, 'bib'));
    expect(citationFiles.figure(f.reportId, 'ris')).toBe(`/trich-dan/bao-cao/${f.reportId}.ris`);
  });
});

describe('single-entry download in the browser', () => {
  let singleEntry: typeof import('../../src/client/citation.ts').singleEntry;
  let enhanceCitations: typeof import('../../src/client/citation.ts').enhanceCitations;
  let doc: Document;
  const f = site.figures.at(-1)!;
  const cite = figureCitation(site, f);
  const { text: _t, ...record } = cite;
  beforeAll(async () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const { window, document } = parseHTML(
      `<html><body><details data-cite="${escape(JSON.stringify(record))}"><p data-citation>${escape(cite.text)}</p>` +
        `<a id="b" href="/x.bib" data-cite-format="bib">BibTeX</a><a id="r" href="/x.ris" data-cite-format="ris">RIS</a></details>` +
        // FigureCite's markup: the record on the citation paragraph, the links after it.
        `<details><p data-citation data-cite="${escape(JSON.stringify(record))}">${escape(cite.text)}</p><a id="sb" href="/x.bib" data-cite-format="bib">BibTeX</a>` +
        `<a id="sr" href="/x.ris" data-cite-format="ris">RIS</a></details>` +
        `<details data-cite="{not json"><a id="bad" data-cite-format="bib">BibTeX</a></details><a id="none" data-cite-format="ris">RIS</a>` +
        // Today's FigureCite: the row carries "<report>|<figure>|<section>" and its line; the table carries the shared record.
        `<table><tr><td><data value="1">${escape(cite.text.length ? '1 x' : '')}</data></td><td><details open><p id="line" data-citation data-cite="${escape(figureCiteAttr(f.reportId, f.id, f.section))}">${escape(figureShortLine(f.section, figureWhat(site, f)))}</p>` +
        `<a id="pb" href="/x.bib" data-cite-format="bib">BibTeX</a><a id="pr" href="/x.ris" data-cite-format="ris">RIS</a>` +
        `<a id="rep" class="fig-report" href="mailto:?subject=x" aria-label="Báo lỗi số liệu Nhãn">Báo lỗi số liệu</a></details></td></tr></table>` +
        // A row as FigureCite prints it now: no BibTeX/RIS until its citation unfolds.
        `<table><tr><td><details open><p id="bare" data-citation data-cite="${escape(figureCiteAttr(f.reportId, f.id, f.section))}">${escape(figureShortLine(f.section, figureWhat(site, f)))}</p>` +
        `<a class="cite-link" href="#so-lieu-${f.id}">Liên kết cố định</a></details></td></tr></table>` +
        `<p id="wrong" data-citation data-cite="${escape(figureCiteAttr(f.reportId, f.id, f.section + 'x'))}">${escape(cite.text)}</p><a id="wb" data-cite-format="bib">BibTeX</a>` +
        `<script type="application/json" data-cite-page>${JSON.stringify(citationPage(site, [f.reportId])).replace(/</g, '\\u003c')}</script></body></html>`,
    );
    Object.assign(globalThis, { window, document });
    ({ singleEntry, enhanceCitations } = await import('../../src/client/citation.ts'));
    doc = document;
  });
  const link = (id: string) => doc.getElementById(id) as HTMLAnchorElement;

  it('writes the same BibTeX and RIS entry that the report file holds for this figure', () => {
    const bib = singleEntry(link('b'))!;
    expect(bib.body).toBe(toBibtex(cite));
    expect(bib.name).toBe(`so-lieu-${f.reportId}-${f.id}.bib`);
    const ris = singleEntry(link('r'))!;
    expect(ris.body).toBe(toRis(cite));
    const fileEntries = reportCitationRecords(site).get(f.reportId)!.map((r) => toBibtex(r));
    expect(fileEntries).toContain(bib.body);
  });
  it('finds the record on the citation paragraph the links follow (FigureCite.astro)', () => {
    expect(singleEntry(link('sb'))!.body).toBe(toBibtex(cite));
    expect(singleEntry(link('sr'))!.body).toBe(toRis(cite));
  });
  it('falls back to the link (null) without a readable record', () => {
    expect(singleEntry(link('bad'))).toBeNull();
    expect(singleEntry(link('none'))).toBeNull();
  });
  it("rebuilds the entry from the table's record and the row's data-cite and line", () => {
    expect(singleEntry(link('pb'))!.body).toBe(toBibtex(cite));
    expect(singleEntry(link('pr'))!.body).toBe(toRis(cite));
    // A line that does not match its data-cite downloads the report's file instead of a wrong entry.
    expect(singleEntry(link('wb'))).toBeNull();
  });
  it('"Báo lỗi số liệu" names the figure id without JS and gets label, value and permalink when its citation unfolds', () => {
    enhanceCitations(doc);
    const href = decodeURIComponent(link('rep').getAttribute('href')!);
    expect(href).toContain(`Báo lỗi số liệu ${f.key}`);
    expect(href).toContain('Số liệu: Nhãn');
    expect(href).toContain('Giá trị trên cổng: 1 x');
    expect(href).toContain(`Liên kết: ${cite.url}`);
    // The printed short line became the full citation, then the access date.
    expect(doc.getElementById('line')!.textContent).toMatch(new RegExp(`^${cite.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Truy cập ngày \\d{2}/\\d{2}/\\d{4}\\.$`));
    // And the single entry still reads from it.
    expect(singleEntry(link('pb'))!.body).toBe(toBibtex(cite));
  });
  it('adds BibTeX and RIS to an unfolded row that prints none, linking its report\'s files and saving the one entry', () => {
    enhanceCitations(doc);
    const row = doc.getElementById('bare')!.parentElement!;
    const links = [...row.querySelectorAll<HTMLAnchorElement>(':scope > a[data-cite-format]')];
    expect(links.map((a) => [a.dataset.citeFormat, a.getAttribute('href'), a.textContent])).toEqual([
      ['bib', citationFiles.figure(f.reportId, 'bib'), 'BibTeX'],
      ['ris', citationFiles.figure(f.reportId, 'ris'), 'RIS'],
    ]);
    expect(links.every((a) => a.hasAttribute('download'))).toBe(true);
    expect(singleEntry(links[0])!.body).toBe(toBibtex(cite));
    expect(singleEntry(links[1])!.body).toBe(toRis(cite));
    // Rows that print their links (older markup) get no second pair; a second pass adds nothing.
    enhanceCitations(doc);
    expect(row.querySelectorAll('a[data-cite-format]')).toHaveLength(2);
    expect(link('pb').parentElement!.querySelectorAll(':scope > a[data-cite-format]')).toHaveLength(2);
  });
});

describe('figure citations rebuilt from the page record (bytes: no JSON per row)', () => {
  it('every figure of every report reads back to exactly the record its report file holds, from its printed short line', () => {
    const page = citationPage(site, site.content.reports.map((r) => r.meta.id));
    for (const f of site.figures) {
      const cite = figureCitation(site, f);
      const attr = figureCiteAttr(f.reportId, f.id, f.section);
      const short = figureShortLine(f.section, figureWhat(site, f));
      expect(figureLineFromPage(page, attr, short), f.key).toBe(cite.text);
      expect(figureRecordFromPage(page, attr, short), f.key).toEqual(cite);
      expect(figureRecordFromPage(page, attr, cite.text), f.key).toEqual(cite);
      expect(short.length, f.key).toBeLessThan(cite.text.length / 2);
    }
  });
  it('refuses a line of another figure, a report the page does not carry, or a malformed data-cite', () => {
    const [a, b] = site.figures;
    const page = citationPage(site, [a.reportId]);
    const text = figureCitation(site, a).text;
    expect(figureRecordFromPage(page, figureCiteAttr(a.reportId, b.id === a.id ? 'khac' : b.id, a.section), text)).toBeNull();
    expect(figureRecordFromPage({ ...page, docs: {} }, figureCiteAttr(a.reportId, a.id, a.section), text)).toBeNull();
    expect(figureRecordFromPage(page, a.reportId, text)).toBeNull();
  });
});

/** BibTeX's own reading of @string: each macro named as a field's whole value becomes its braced text. */
function expandStrings(file: string): string {
  const macros = new Map<string, string>();
  const body = file.replace(/^@string\{(\w+) = \{(.*)\}\}\n/gm, (_all, name: string, value: string) => (macros.set(name, value), ''));
  return body.replace(/^( {2}\w+) = (\w+)(,?)$/gm, (all, field: string, name: string, comma: string) => (macros.has(name) ? `${field} = {${macros.get(name)}}${comma}` : all)).replace(/^\n/, '');
}

describe('BibTeX files with @string macros (toBibtexFile)', () => {
  const { site } = runPipeline(process.cwd());
  it.each(citationFileRecords(site).filter((c) => c.ext === 'bib').map((c) => [c.path, c.records] as const))('%s expands to exactly its entries, and macros make it smaller', (_path, records) => {
    const file = toBibtexFile(records);
    const plain = records.map((r) => toBibtex(r)).join('\n');
    expect(expandStrings(file)).toBe(plain);
    if (records.length > 2) expect(file.length).toBeLessThan(plain.length * 0.75);
    // Only fields' whole values are macros, and every macro is defined before its first use.
    for (const m of file.matchAll(/^ {2}\w+ = (\w+),?$/gm)) expect(file.indexOf(`@string{${m[1]} =`)).toBeLessThan(m.index!);
  });
  it('a value used once stays in its entry; braces and special characters survive in a macro', () => {
    const r = (key: string, title: string) => ({ key, type: 'GOVDOC' as const, author: 'UBND {Kon Tum}', title, year: '2024', date: '', documentNumber: '', publisher: 'Cổng 50% & _', note: 'n', url: 'https://x.vn/', text: '' });
    const file = toBibtexFile([r('a', 'Một'), r('b', 'Hai')]);
    expect(file).toMatch(/^@string\{author1 = \{\{UBND \\\{Kon Tum\\\}\}\}\}$/m);
    expect(file).toContain('title = {{Một}}');
    expect(file).toContain('publisher = publisher2');
    expect(expandStrings(file)).toBe([r('a', 'Một'), r('b', 'Hai')].map((x) => toBibtex(x)).join('\n'));
  });
});

