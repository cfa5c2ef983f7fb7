// Every built page is valid HTML: html-validate's "standard" preset (content models,
// attributes, unique ids, nesting), on the real build in dist/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['_astro', 'data', 'pagefind'].includes(name) ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('HTML validity of every built page', () => {
  const files = htmlFiles('dist');
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

  it('finds the whole site', () => {
    expect(files.length).toBeGreaterThan(250);
  });

  // One test per page, so no single test is slow on a busy machine and a failure names its page.
  it.each(files.map((f) => [f]))('%s has no html-validate errors', async (file) => {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});

describe('the validator catches what it should (fixtures)', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const page = (body: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>`;
  it.each([
    ['a <style> in a <div> (Plot legend before stripLegendStyle)', '<div><style>p{}</style></div>', 'element-permitted-content'],
    ['a duplicate id', '<p id="a">x</p><p id="a">y</p>', 'no-dup-id'],
  ])('%s', async (_name, body, rule) => {
    const report = await validator.validateString(page(body));
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain(rule);
  });
  it('a valid page passes', async () => {
    expect((await validator.validateString(page('<main><h1>Tiêu đề</h1><p>Nội dung.</p></main>'))).valid).toBe(true);
  });
});
