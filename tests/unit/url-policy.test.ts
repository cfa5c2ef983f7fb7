// Web addresses content supplies (report.json officialUrl, events.json legalBasis url, narrative links):
// one rule (src/core/url-policy.ts) for every URL field, errors for what is unsafe, a warning naming
// file, line and the https spelling for plain http, and rel="… noopener noreferrer" where rendered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as schemas from '../../src/core/schema.ts';
import { EXTERNAL_REL, insecureWebUrl, isAllowedLink, webUrlProblem } from '../../src/core/url-policy.ts';
import { loadContent } from '../../src/pipeline/load.ts';
import { validateContent } from '../../src/pipeline/validate.ts';
import { webUrlPaths } from '../../src/pipeline/rules/web-urls.ts';
import { renderMarkdown } from '../../src/view/markdown.ts';
import { fixtureFiles, fixtureReader } from '../fixtures/content.ts';

const R = 'content/reports/bc-thu/report.json';
const N = 'content/reports/bc-thu/narrative/thu-tuc-hanh-chinh.md';
const E = 'data/events.json';
const base = fixtureFiles();
const meta = JSON.parse(base[R]) as Record<string, unknown>;
const run = (files: Record<string, string | null>) => validateContent(loadContent(fixtureReader(files))).issues;
const withUrl = (officialUrl: string) => ({ [R]: JSON.stringify({ ...meta, officialUrl }, null, 2) });

const REFUSED: [string, string][] = [
  ['javascript:alert(1)', 'javascript:'],
  ['ftp://kontum.gov.vn/a.pdf', 'ftp:'],
  ['file:///etc/passwd', 'file:'],
  ['kontum.gov.vn/van-ban', 'thiếu giao thức'],
  ['//kontum.gov.vn/x', 'thiếu giao thức'],
  ['https:/kontum.gov.vn', '"//"'],
  ['https://', 'thiếu tên máy chủ'],
  ['https://user:secret@kontum.gov.vn/x', 'mật khẩu'],
  ['https://kontum.gov.vn@evil.example/x', 'mật khẩu'],
  ['https://kontum.gov.vn/a b', 'khoảng trắng'],
  ['https://kontum.gov.vn/a\tb', 'U+0009'],
  ['https://kontum.gov.vn/a\u0007b', 'U+0007'],
  ['https://kontum.gov.vn/a\u0085b', 'U+0085'],
  ['https://kontum.gov.vn/\u200bx', 'U+200B'],
  ['https://kontum.gov.vn/\u202ex', 'U+202E'],
  ['https://kontum.gov.vn/\u00adx', 'U+00AD'],
  ['https://kontum.gov.vn/x"onmouseover="a', '"\\""'],
  ['https://kontum.gov.vn/<x>', '"<"'],
];
const ACCEPTED = ['https://kontum.gov.vn/van-ban/123?id=4&x=5#muc-2', 'http://kontum.gov.vn/a.pdf', 'https://kontum.gov.vn:8443/văn-bản', 'HTTPS://KONTUM.GOV.VN/'];

describe('webUrlProblem: the one rule for web addresses', () => {
  it.each(REFUSED)('%j is refused, and the message says why (%s)', (url, why) => {
    const problem = webUrlProblem(url);
    expect(problem).not.toBeNull();
    expect(problem).toContain(why.replace(/^"|"$/g, '').replace('\\"', '"'));
    expect(isAllowedLink(url)).toBe(false);
  });
  it.each(ACCEPTED)('%j is accepted', (url) => {
    expect(webUrlProblem(url)).toBeNull();
    expect(isAllowedLink(url)).toBe(true);
  });
  it('plain http gets the https spelling; https and other links none', () => {
    expect(insecureWebUrl('http://kontum.gov.vn/a?b=1')).toBe('https://kontum.gov.vn/a?b=1');
    expect(insecureWebUrl('https://kontum.gov.vn/')).toBeNull();
    expect(insecureWebUrl('/bao-cao/x/')).toBeNull();
  });
});

describe('every URL field of content/ and data/ uses the rule', () => {
  it('every schema key that names an address is a webUrl field (found by identity, not by name)', () => {
    const found: string[] = [];
    const named: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      if (!schema || typeof schema !== 'object' || !('_zod' in schema) || name === 'webUrl') continue;
      for (const p of webUrlPaths(schema as z.ZodType)) found.push(`${name}:${p.join('.')}`);
      // Every key at any depth whose name says it holds an address.
      const walk = (s: z.ZodType, at: string[]): void => {
        const def = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] } } })._zod.def;
        if (def.innerType) return walk(def.innerType, at);
        if (def.type === 'array' && def.element) return walk(def.element, [...at, '*']);
        if (def.type === 'union' && def.options) return def.options.forEach((o) => walk(o, at));
        if (def.type === 'object' && def.shape)
          for (const [k, v] of Object.entries(def.shape)) {
            if (/url|uri|href|link|homepage|website/i.test(k)) named.push(`${name}:${[...at, k].join('.')}`);
            walk(v, [...at, k]);
          }
      };
      walk(schema as z.ZodType, []);
    }
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(found, `${n} must use webUrl (src/core/schema.ts)`).toContain(n);
    expect(found).toEqual(expect.arrayContaining(['reportSchema:officialUrl', 'adminEventSchema:legalBasis.*.url']));
  });
});

describe('validator: report.json officialUrl', () => {
  it.each(REFUSED)('%j is an error naming file, line 12 and the field', (url) => {
    const errs = run(withUrl(url)).filter((i) => i.level === 'error');
    expect(errs.length).toBeGreaterThan(0);
    // Invisible characters are refused by the loader's character check first (code control-char), the rest by the schema.
    for (const e of errs) expect(e).toMatchObject({ file: R, line: 12, ...(e.code === 'schema' ? { column: 'officialUrl' } : { code: 'control-char' }) });
  });
  it('plain http is a warning with the https address to use, not an error', () => {
    const issues = run(withUrl('http://kontum.gov.vn/bc.pdf'));
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    const warn = issues.filter((i) => i.code === 'insecure-url');
    expect(warn).toEqual([expect.objectContaining({ level: 'warning', file: R, line: 12, column: 'officialUrl' })]);
    expect(warn[0].hint).toContain('Dùng https://');
    expect(warn[0].hint).toContain('"https://kontum.gov.vn/bc.pdf"');
  });
  it('https is neither error nor warning', () => {
    expect(run(withUrl('https://kontum.gov.vn/bc.pdf')).filter((i) => i.code === 'insecure-url' || i.level === 'error')).toEqual([]);
  });
});

describe('validator: data/events.json legal basis url', () => {
  const organizations = [
    { id: 'tinh', kind: 'province', name: 'UBND tỉnh', shortName: 'Tỉnh', nameEn: 'Province', validTo: '2025-06-30', successor: 'tinh-moi', event: 'sap-nhap' },
    { id: 'tinh-moi', kind: 'province', name: 'UBND tỉnh mới', shortName: 'Tỉnh mới', nameEn: 'New province', validFrom: '2025-07-01', predecessors: ['tinh'], event: 'sap-nhap' },
  ];
  const events = (url: string) =>
    JSON.stringify([{ id: 'sap-nhap', kind: 'merger', effective: '2025-07-01', title: 'Sáp nhập', description: 'Sáp nhập.', legalBasis: [{ document: 'Nghị quyết 1', issuer: 'Quốc hội', date: '2025-06-12', title: 'Nghị quyết', url }], predecessors: ['tinh'], successors: ['tinh-moi'] }], null, 2);
  const files = (url: string) => ({ 'data/organizations.json': JSON.stringify(organizations, null, 2), [E]: events(url) });
  // Line of "url" in the pretty-printed file.
  const urlLine = events('x').split('\n').findIndex((l) => l.includes('"url"')) + 1;

  it('the fixture with an https address is valid', () => {
    expect(run(files('https://quochoi.vn/nq-1')).filter((i) => i.level === 'error' || i.code === 'insecure-url')).toEqual([]);
  });
  it('plain http: a warning at its line', () => {
    const warn = run(files('http://quochoi.vn/nq-1')).filter((i) => i.code === 'insecure-url');
    expect(warn).toEqual([expect.objectContaining({ level: 'warning', file: E, line: urlLine, column: 'legalBasis.url' })]);
    expect(warn[0].hint).toContain('https://quochoi.vn/nq-1');
  });
  it.each(['https://admin:pw@quochoi.vn/nq-1', 'https://quochoi.vn/\u200bnq', 'javascript:alert(1)'])('%j: an error at its line', (url) => {
    // The organizations naming the refused event are its follow-on errors, grouped in one "follow-on" line (rules/cascade.ts).
    const errs = run(files(url)).filter((i) => i.level === 'error' && i.file === E && i.code !== 'follow-on');
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) expect(e).toMatchObject({ line: urlLine, code: expect.stringMatching(/^(schema|control-char)$/) });
  });
});

describe('narrative links', () => {
  const narrative = (md: string) => run({ [N]: md });
  it('plain http: a warning at line and column, the link is kept', () => {
    const issues = narrative('Dòng một.\n\nXem [văn bản](http://kontum.gov.vn/a).\n');
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(issues.filter((i) => i.code === 'insecure-url')).toEqual([expect.objectContaining({ level: 'warning', file: N, line: 3, col: 15 })]);
  });
  it('credentials in a link: an error that says why', () => {
    const errs = narrative('Xem [văn bản](https://u:p@kontum.gov.vn/a).\n').filter((i) => i.level === 'error');
    expect(errs).toEqual([expect.objectContaining({ code: 'unsafe-link', file: N, line: 1 })]);
    expect(errs[0].message).toContain('mật khẩu');
  });
  it('rendered: external links get rel="external noopener noreferrer", site links none, refused links lose the anchor', () => {
    expect(EXTERNAL_REL.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(renderMarkdown('[a](https://kontum.gov.vn/x "T")')).toBe(`<p><a href="https://kontum.gov.vn/x" title="T" rel="${EXTERNAL_REL}">a</a></p>`);
    expect(renderMarkdown('<http://kontum.gov.vn/x>')).toContain(`rel="${EXTERNAL_REL}"`);
    expect(renderMarkdown('[a](/bao-cao/x/)')).toBe('<p><a href="/bao-cao/x/">a</a></p>');
    expect(renderMarkdown('[a](https://u:p@kontum.gov.vn/x)')).toBe('<p>a</p>');
  });
});

describe('rendered addresses from content carry EXTERNAL_REL', () => {
  // Anchors whose href is a content-supplied address (officialUrl, a legal basis url) in any .astro file.
  const astro = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? astro(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : []));
  it('every <a href={…officialUrl|….url}> has rel={EXTERNAL_REL}', () => {
    let seen = 0;
    for (const file of astro('src')) {
      for (const tag of readFileSync(file, 'utf8').match(/<a\s[^>]*href=\{[^}]*(?:officialUrl|\b\w+\.url)\}[^>]*>/g) ?? []) {
        // The site's own constants and pages (licence, permalink examples) are not content.
        if (/href=\{(?:Astro|m\.license|m\.example|[A-Z][A-Z_]*)\./.test(tag)) continue;
        seen++;
        expect(tag, file).toContain('rel={EXTERNAL_REL}');
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });
});
