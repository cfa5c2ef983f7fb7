// Comparability over every built indicator page (issue 8): no line joins points of
// different basis, status or period length; every gap is drawn and named; no
// cross-scope chart mixes periods; no target verdict on a period or basis other than
// the target's own; observations.csv carries basis and status on every row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';
import { periodLabel, periodRange, periodShape } from '../../src/core/period.ts';
import { figureWhen, targetStatusLabel } from '../../src/core/labels.ts';
import { bases, statuses } from '../../src/core/schema.ts';
import { missingBetween } from '../../src/pipeline/derive.ts';
import { crossScopeBars, indicatorSeries, splitSeries } from '../../src/view/indicator-page.ts';

const { site } = runPipeline(process.cwd());
const page = (path: string) => parseHTML(readFileSync(join('dist', path, 'index.html'), 'utf8')).document;

/** Runs of a series the line must draw: consecutive points are one run unless a period is missing between them. */
const runs = (points: { figure: { period: string } }[]) =>
  1 + points.slice(1).filter((p, i) => missingBetween(points[i].figure.period, p.figure.period).length > 0).length;

describe.each(site.content.indicators.map((i) => [i.id]))('indicator page %s', (id) => {
  const series = indicatorSeries(site, id);
  const { lines, bars } = splitSeries(series);
  const doc = page(urls.indicator(id));

  it('a line joins only points of one basis, status and period length, and breaks at every missing period', () => {
    for (const s of lines)
      for (const p of s.points) {
        expect([p.figure.basis, p.figure.status, periodShape(p.figure.period)], s.key).toEqual([s.basis, s.status, s.shape]);
      }
    if (lines.length === 0) return;
    const chart = doc.querySelector(`figure#bieu-do-${id}`)!;
    expect(chart, 'line chart').not.toBeNull();
    // Plot draws one path per line; "M" starts a segment: a run per stretch without a missing period.
    const paths = [...chart.querySelectorAll('.chart-wide path[marker-start]')];
    const segments = paths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
    expect(segments).toBe(lines.reduce((n, s) => n + runs(s.points), 0));
  });

  it('every missing period is marked on the chart and named in its note and table', () => {
    const gaps = lines.flatMap((s) => s.gaps);
    if (gaps.length === 0) return;
    const chart = doc.querySelector(`figure#bieu-do-${id}`)!;
    const note = chart.querySelector('.chart-note')?.textContent ?? '';
    const table = chart.querySelector('table')!;
    // One dashed rule per missing period (periods ending on one day share it).
    expect(chart.querySelectorAll('.chart-wide g.chart-gap line')).toHaveLength(new Set(gaps.map((g) => periodRange(g).end)).size);
    for (const g of gaps) {
      expect(note).toContain(periodLabel(g));
      const row = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === periodLabel(g));
      expect(row?.textContent, g).toContain('không có số liệu');
    }
  });

  it('a comparison across scopes draws one common period, named in its title, and lists the rest', () => {
    if (bars.length === 0) return;
    const cross = crossScopeBars(bars);
    const shared = new Set(cross.drawn.map((s) => `${s.points[0].figure.period}|${s.basis}|${s.status}`));
    expect(shared.size).toBe(1);
    const chart = doc.querySelector(lines.length ? `figure#bieu-do-${id}-mot-ky` : `figure#bieu-do-${id}`)!;
    expect(chart.querySelector('figcaption')!.textContent).toContain(cross.when!);
    expect(chart.querySelectorAll('table tbody tr')).toHaveLength(cross.drawn.length);
    const note = chart.querySelector('.chart-note')?.textContent ?? '';
    for (const s of cross.listed) expect(note).toContain(figureWhen(s.points[0].figure));
  });

  it('a target is judged only against an actual of its own period and basis', () => {
    const targets = site.targets.filter((t) => t.indicator === id);
    for (const t of targets) {
      if (t.status === 'met' || t.status === 'not-met') {
        expect(t.actual, t.target.key).not.toBeNull();
        expect([t.actual!.period, t.actual!.basis, t.actual!.status], t.target.key).toEqual([t.target.period, t.target.basis, 'actual']);
      } else expect(t.actual, t.target.key).toBeNull();
    }
    const badges = [...doc.querySelectorAll('#ke-hoach ~ * .badge, section[aria-labelledby="ke-hoach"] .badge')].map((b) => b.textContent);
    expect(badges.filter((b) => b === targetStatusLabel.met || b === targetStatusLabel['not-met'])).toHaveLength(
      targets.filter((t) => t.status === 'met' || t.status === 'not-met').length,
    );
  });
});

describe('observations.csv carries basis and status', () => {
  const text = readFileSync('dist/data/observations.csv', 'utf8').replace(/^\uFEFF/, '');
  const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

  it('on every row, from their vocabularies', () => {
    expect(meta.fields).toEqual(expect.arrayContaining(['basis', 'status']));
    expect(data).toHaveLength(site.figures.length);
    for (const row of data) {
      expect(bases, row.figure_id).toContain(row.basis);
      expect(statuses, row.figure_id).toContain(row.status);
    }
  });

  it('the Table Schema constrains both to their vocabularies', () => {
    const pkg = JSON.parse(readFileSync('dist/data/datapackage.json', 'utf8'));
    const fields = pkg.resources.find((r: { name: string }) => r.name === 'so-lieu-cchc').schema.fields;
    expect(fields.find((f: { name: string }) => f.name === 'basis').constraints.enum).toEqual([...bases]);
    expect(fields.find((f: { name: string }) => f.name === 'status').constraints.enum).toEqual([...statuses]);
  });
});
