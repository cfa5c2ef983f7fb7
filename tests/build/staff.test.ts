// Built pages for contributors and for units over time: every report page has its
// "Sửa trang này" link; every page of a historical unit says what it became; the about page
// explains the change of administrative units.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/site.ts';
import { urls } from '../../src/core/urls.ts';
import { historicalNote } from '../../src/core/admin-units.ts';
import { reportEditLinks } from '../../src/core/site-config.ts';

const { site } = runPipeline(process.cwd());
const page = (path: string) => parseHTML(readFileSync(join('dist', path, 'index.html'), 'utf8')).document;

describe('contributor links and units over time on the built site', () => {
  it.each(site.content.reports.map((r) => [r.meta.id]))('%s has a "Sửa trang này" link', (id) => {
    const link = page(urls.report(id)).querySelector('.edit-page a')!;
    expect(link.textContent).toBe('Sửa trang này');
    expect(link.getAttribute('href')).toBe(reportEditLinks(id).folder ?? `${urls.about()}#dong-gop`);
  });

  it('every page of a historical unit says so, with its successor and legal basis', () => {
    let checked = 0;
    for (const o of site.content.organizations) {
      const note = historicalNote(o, site.content.organizations, site.content.events ?? []);
      if (!note || !existsSync(join('dist', urls.organization(o.id), 'index.html'))) continue;
      const text = page(urls.organization(o.id)).querySelector('.note-history')!.textContent!;
      expect(text, o.id).toContain(note.text);
      if (note.event) expect(text).toContain(note.event.legalBasis[0].document);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the about page explains the change and how series continue', () => {
    const section = page(urls.about()).getElementById('don-vi-hanh-chinh')!.parentElement!.textContent!;
    for (const e of site.content.events ?? []) for (const b of e.legalBasis) expect(section).toContain(b.document);
    expect(section).toContain('không bao giờ được nối');
  });
});
