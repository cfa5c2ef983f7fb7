// The built portal (dist/, made by tests/setup/build-once.ts) from the real content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';
import { formatFigure } from '../../src/core/format.ts';
import { reportIndicatorCharts } from '../../src/view/chart-data.ts';
import { CHART_WIDTHS } from '../../src/view/charts/index.ts';
import { shownSourceText } from '../../src/view/source-reflow.ts';

const { site } = runPipeline(process.cwd());
const page = (path: string) => parseHTML(readFileSync(join('dist', path, 'index.html'), 'utf8')).document;

describe('report pages', () => {
  it.each(site.content.reports.map((r) => [r.meta.id]))('%s has a page with every figure anchored, sourced and escaped', (id) => {
    const report = site.reportsById.get(id)!;
    const doc = page(urls.report(id));
    expect(doc.documentElement.getAttribute('lang')).toBe('vi');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('h1')!.textContent).toBe(report.meta.title);
    for (const f of report.figures) {
      const row = doc.getElementById(`so-lieu-${f.id}`);
      expect(row, `${f.key} anchor`).not.toBeNull();
      expect(row!.querySelector(`a[href="${urls.quote(id, f.id)}"]`), `${f.key} quote link`).not.toBeNull();
      expect(row!.textContent).toContain(f.quote);
      // The value reads as the report prints it: "gần 2,8 tỷ đồng", never "khoảng" for a printed "gần".
      if (f.comparator) expect(row!.textContent, `${f.key} value with its printed word`).toContain(formatFigure(f));
    }
    // One build-time chart per indicator group (reportIndicatorCharts), each with a text alternative and a data table.
    const charts = site.content.areas.flatMap((a) => reportIndicatorCharts(site, id, a.id));
    expect(doc.querySelectorAll('figure.chart')).toHaveLength(charts.length);
    if (charts.length > 0) {
      const chart = doc.querySelector('figure.chart');
      expect(chart).not.toBeNull();
      // Drawn once, in the phone layout (compact: a report has many small charts and a DOM budget).
      expect(chart!.querySelectorAll('svg[width]').length, 'one drawing per chart').toBeGreaterThan(0);
      expect(chart!.querySelector('.chart-compact svg')!.getAttribute('width')).toBe(String(CHART_WIDTHS.narrow));
      expect(chart!.querySelector('.chart-wide, .chart-narrow')).toBeNull();
      expect(chart!.querySelector('[role="img"][aria-label]')).not.toBeNull();
      expect(chart!.querySelector('table')).not.toBeNull();
    }
  });

  it('source pages mark every quote with an anchor', () => {
    for (const r of site.content.reports) {
      const doc = page(urls.source(r.meta.id));
      for (const f of r.figures) expect(doc.getElementById(`trich-dan-${f.id}`), `${f.key}`).not.toBeNull();
      // The full text is all there, word for word as published (NFC, less conversion markup such as
      // "**" or "<sup>4</sup>"): reflowed paragraphs and footnotes gathered at the end, without the
      // navigation markers added around them.
      for (const el of doc.querySelectorAll('.fn-ref, .fn-back')) el.remove();
      const blocks = [...doc.querySelectorAll('.source-text p, .source-text h2, .source-text h3, .source-footnotes li')].map((b) => b.textContent!);
      const words = (t: string) => t.split(/\s+/).filter(Boolean).sort();
      expect(words(blocks.join(' '))).toEqual(words(shownSourceText(r.sourceText)));
    }
  });

  it('shows the data-quality notes of the sources on the report page', () => {
    const doc = page(urls.report('kon-tum-2024-q3'));
    const notes = doc.getElementById('chat-luong-du-lieu')!.closest('details, section')!.textContent!;
    expect(notes).toContain('67.691');
  });
});

describe('exports', () => {
  it('observations.csv holds every figure (the all-figures table has no JSON copy)', () => {
    const csv = readFileSync('dist/data/observations.csv', 'utf8');
    // Canonical CSV is plain UTF-8: no BOM for readers that would glue it to the first header.
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(existsSync('dist/data/observations.json')).toBe(false);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const json = parsed.data.map((r) => ({ ...r, value: Number(r.value) })) as (Record<string, string | number> & { value: number })[];
    expect(json).toHaveLength(site.figures.length);
    const byKey = new Map(json.map((o) => [`${o.report_id}/${o.figure_id}`, o]));
    for (const f of site.figures) {
      expect(byKey.get(f.key)?.value, f.key).toBe(f.value);
      expect(byKey.get(f.key)?.quote, f.key).toBe(f.quote);
    }
  });
});

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('determinism', () => {
  it('a second build of the same input is byte-identical', { timeout: 600_000 }, () => {
    const second = 'test-results/dist-second';
    rmSync(second, { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts'], { env: { ...process.env, OUT_DIR: second }, stdio: 'pipe' });
    expect(existsSync(join(second, 'index.html'))).toBe(true);
    const a = hashTree('dist');
    const b = hashTree(second);
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    expect(differing).toEqual([]);
    rmSync(second, { recursive: true, force: true });
  });
});
