// Stage 4a — render: one MDX page per report. The MDX holds the report's
// structure and narrative text; figures, charts and notes come from components
// that read the derived site data, so numbers are never copied into prose.
import type { Site } from '../pipeline/derive.ts';
import { extraSections } from '../core/schema.ts';
import type { ReportContent } from '../pipeline/validate.ts';

/**
 * Make curated Markdown safe to embed in MDX: no JSX, no expressions, no ESM.
 * `<`, `>`, `{`, `}` become character references, so HTML in a narrative
 * shows as text and is never executed.
 */
export function escapeMdx(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[<>{}]/g, (c) => `&#${c.charCodeAt(0)};`)
        // MDX treats a paragraph starting with import/export as ES module code.
        .replace(/^(\s*)(import|export)\b/, (_, ws: string, word: string) => `${ws}&#${word.charCodeAt(0)};${word.slice(1)}`),
    )
    .join('\n')
    .trim();
}

/** Demote headings so narrative can never outrank the page's own h2 sections. */
function demoteHeadings(markdown: string): string {
  return markdown.replace(/^(#{1,3})(\s)/gm, '###$2');
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export interface ReportSection {
  id: string;
  label: string;
  kind: 'area' | 'extra';
}

/** The sections a report page shows, in reading order: overview, the seven areas, then limitations etc. */
export function reportSections(report: ReportContent, site: Site): ReportSection[] {
  const narrativeIds = new Set(report.narratives.map((n) => n.section));
  const figureAreas = new Set(report.figures.map((f) => site.indicatorsById.get(f.indicator)?.area));
  const out: ReportSection[] = [];
  if (narrativeIds.has('tong-quan')) out.push({ id: 'tong-quan', label: 'Tổng quan', kind: 'extra' });
  for (const a of site.content.areas) if (narrativeIds.has(a.id) || figureAreas.has(a.id)) out.push({ id: a.id, label: a.label, kind: 'area' });
  for (const e of extraSections) if (e.id !== 'tong-quan' && narrativeIds.has(e.id)) out.push({ id: e.id, label: e.label, kind: 'extra' });
  return out;
}

export function generateReportMdx(report: ReportContent, site: Site): string {
  const { meta } = report;
  const narrative = new Map(report.narratives.map((n) => [n.section, n.markdown]));
  const lines: string[] = [
    '---',
    `title: ${yamlString(meta.title)}`,
    `reportId: ${yamlString(meta.id)}`,
    '---',
    '',
    "import ReportHeader from '../../components/report/ReportHeader.astro';",
    "import KeyFigures from '../../components/report/KeyFigures.astro';",
    "import AreaFigures from '../../components/report/AreaFigures.astro';",
    "import QualityNotes from '../../components/report/QualityNotes.astro';",
    '',
    `<ReportHeader reportId=${yamlString(meta.id)} />`,
    '',
    `<KeyFigures reportId=${yamlString(meta.id)} />`,
    '',
  ];
  for (const section of reportSections(report, site)) {
    const text = narrative.get(section.id);
    if (section.kind !== 'area') {
      // Prose sections (overview, limits, tasks, proposals) fold to their heading: on a phone the
      // figures come first; every figure in them is also listed under its area.
      lines.push('<details class="report-area report-prose">', `<summary><h2 id=${yamlString(section.id)}>${escapeMdx(section.label)}</h2><span class="area-summary">văn bản</span></summary>`, '');
      if (text) lines.push(demoteHeadings(escapeMdx(text)), '');
      lines.push('</details>', '');
      continue;
    }
    // Phone-first: each area collapses to its heading and a summary line; the narrative
    // (prose, no figures) starts closed so every figure of the area stays in view.
    const count = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === section.id).length;
    lines.push(
      '<details class="report-area" open>',
      `<summary><h2 id=${yamlString(section.id)}>${escapeMdx(section.label)}</h2><span class="area-summary">${count} số liệu</span></summary>`,
      '',
    );
    if (text) lines.push('<details class="area-narrative">', '<summary>Tóm tắt nội dung văn bản</summary>', '', demoteHeadings(escapeMdx(text)), '', '</details>', '');
    lines.push(`<AreaFigures reportId=${yamlString(meta.id)} area=${yamlString(section.id)} />`, '', '</details>', '');
  }
  // Each note is also shown beside its figures; the full list folds like the prose sections.
  lines.push('<details class="report-area report-prose">', '<summary><h2 id="chat-luong-du-lieu">Ghi chú chất lượng dữ liệu</h2></summary>', '', `<QualityNotes reportId=${yamlString(meta.id)} />`, '', '</details>', '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
