// Stage 4a — render: one MDX page per report. The MDX holds only the report's
// structure; narrative, figures, charts and notes come from components that read
// the derived site data, so numbers are never copied into prose and no content
// text is ever parsed as MDX (narrative goes through src/view/markdown.ts, the
// same path as on area pages; labels are string literals, never Markdown).
import type { Site } from '../pipeline/derive.ts';
import { extraSections } from '../core/schema.ts';
import type { ReportContent } from '../core/model.ts';

/** A JSON string literal: valid as a YAML double-quoted scalar and as a JS expression. */
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
  const narrative = new Set(report.narratives.map((n) => n.section));
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
    "import Narrative from '../../components/report/Narrative.astro';",
    '',
    `<ReportHeader reportId=${yamlString(meta.id)} />`,
    '',
    `<KeyFigures reportId=${yamlString(meta.id)} />`,
    '',
  ];
  for (const section of reportSections(report, site)) {
    // Labels are JSON string literals in JSX expressions: shown as text, whatever they contain.
    const heading = `<h2 id=${yamlString(section.id)}>{${yamlString(section.label)}}</h2>`;
    const prose = `<Narrative reportId=${yamlString(meta.id)} section=${yamlString(section.id)} />`;
    if (section.kind !== 'area') {
      // Prose sections (overview, limits, tasks, proposals) fold to their heading: on a phone the
      // figures come first; every figure in them is also listed under its area.
      lines.push('<details class="report-area report-prose">', `<summary>${heading}<span class="area-summary">văn bản</span></summary>`, '');
      if (narrative.has(section.id)) lines.push(prose, '');
      lines.push('</details>', '');
      continue;
    }
    // Phone-first: each area collapses to its heading and a summary line; the narrative
    // (prose, no figures) starts closed so every figure of the area stays in view.
    const count = report.figures.filter((f) => site.indicatorsById.get(f.indicator)?.area === section.id).length;
    lines.push('<details class="report-area" open>', `<summary>${heading}<span class="area-summary">${count} số liệu</span></summary>`, '');
    if (narrative.has(section.id)) lines.push('<details class="area-narrative">', '<summary>Tóm tắt nội dung văn bản</summary>', '', prose, '', '</details>', '');
    lines.push(`<AreaFigures reportId=${yamlString(meta.id)} area=${yamlString(section.id)} />`, '', '</details>', '');
  }
  // Each note is also shown beside its figures; the full list folds like the prose sections.
  lines.push('<details class="report-area report-prose">', '<summary><h2 id="chat-luong-du-lieu">Ghi chú chất lượng dữ liệu</h2></summary>', '', `<QualityNotes reportId=${yamlString(meta.id)} />`, '', '</details>', '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
