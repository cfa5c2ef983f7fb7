// Files a merge left half-resolved: deploy/nginx.conf and deploy/apache.htaccess carried conflict markers for several
// sessions (their tests read marked blocks and never noticed). No tracked text file may hold one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('repository hygiene', () => {
  it('no tracked file holds a merge-conflict marker', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(0);
    const marked = files.filter((f) => {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        return false; // listed but absent (a deletion not yet committed)
      }
      return /^(<<<<<<<|>>>>>>>) \S/m.test(text) || /^<<<<<<<$/m.test(text);
    });
    expect(marked).toEqual([]);
  });
});
