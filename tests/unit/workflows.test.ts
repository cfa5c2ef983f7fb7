// The forge workflows: valid against the GitHub Actions workflow schema (@action-validator/core)
// and holding the security rules the project relies on (see CONTRIBUTING.md, "CI và bảo mật").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '@action-validator/core';

const DIR = '.github/workflows';
const workflows = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  // Comments removed: they may name what the workflows must not do.
  .map((f) => ({ file: join(DIR, f), text: readFileSync(join(DIR, f), 'utf8').replace(/^\s*#.*$/gm, '') }));

/** `run:` script bodies (single line or block), for checks on what a shell receives. */
function runScripts(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(line);
    if (!m) return;
    if (!/^[|>]/.test(m[2])) return void out.push(m[2]);
    const indent = m[1].length;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || lines[j].search(/\S/) > indent + 1); j++) body.push(lines[j]);
    out.push(body.join('\n'));
  });
  return out;
}

describe('GitHub workflows', () => {
  it('exist: pull-request CI, diff comment, Pages deploy', () => {
    const all = workflows.map((w) => w.text).join('\n');
    expect(all).toMatch(/on:\s*\n\s+pull_request:/);
    expect(all).toMatch(/workflow_run:/);
    expect(all).toMatch(/actions\/deploy-pages@/);
    expect(all).toMatch(/\.ci\/run/);
  });

  it.each(workflows)('$file is valid against the workflow schema', ({ text }) => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it('the linter catches a broken workflow (so the check above can fail)', () => {
    expect(validateWorkflow('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: writ\n    steps: []\n').errors.length).toBeGreaterThan(0);
    expect(validateWorkflow('on: push\njobs: [').errors.length).toBeGreaterThan(0);
  });

  it.each(workflows)('$file: least privilege, no pull_request_target, no untrusted text in shell scripts', ({ text }) => {
    // Code from a pull request must never run with a write token or secrets.
    expect(text).not.toMatch(/pull_request_target/);
    expect(text).toMatch(/^permissions:/m);
    expect(text).not.toMatch(/^permissions:\s*write-all/m);
    expect(text).not.toMatch(/^\s*contents:\s*write/m);
    for (const script of runScripts(text)) expect(script, script).not.toMatch(/\$\{\{\s*(?:github\.event\.|github\.head_ref|inputs\.)/);
    // Checkouts do not leave the token in .git/config for later steps.
    for (const m of text.matchAll(/uses: *actions\/checkout@[^\n]+\n((?: {8,}[^\n]*\n)*)/g)) expect(m[1]).toMatch(/persist-credentials: *false/);
  });

  it('the workflow that can write to pull requests runs no code from them', () => {
    for (const w of workflows.filter((w) => /pull-requests:\s*write/.test(w.text))) {
      expect(w.text, w.file).toMatch(/workflow_run:/);
      expect(w.text, w.file).not.toMatch(/actions\/checkout|npm |npx |\.ci\/run/);
    }
  });

  it('CODEOWNERS asks maintainers to review everything outside content/ and data/', () => {
    const owners = readFileSync('.github/CODEOWNERS', 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(owners[0]).toMatch(/^\*\s+@/);
    expect(owners.some((l) => l.startsWith('/content/'))).toBe(true);
    expect(owners.some((l) => l.startsWith('/data/'))).toBe(true);
  });
});
