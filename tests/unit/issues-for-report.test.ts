// `npm run validate -- --bao-cao <id>`: every error (any blocks the build), and only the warnings about that report.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/model.ts';
import { issuesForReport } from '../../src/pipeline/validate.ts';

const issue = (level: Issue['level'], file: string, figures?: string[]): Issue => ({ level, code: 'x', file, message: `${level} ${file}`, ...(figures ? { figures } : {}) });

describe('issuesForReport', () => {
  it.each([
    ['an error in another report is shown', issue('error', 'content/reports/bc-khac/figures.csv'), true],
    ['an error in the catalogue is shown', issue('error', 'data/indicators.json'), true],
    ["a warning in the report's folder is shown", issue('warning', 'content/reports/bc-a/checks.csv'), true],
    ["a warning elsewhere that names one of the report's figures is shown", issue('warning', 'content/reports/bc-khac/figures.csv', ['bc-khac/x', 'bc-a/y']), true],
    ['a warning of another report is counted, not shown', issue('warning', 'content/reports/bc-khac/figures.csv', ['bc-khac/x']), false],
    ['a report whose id starts like this one is another report', issue('warning', 'content/reports/bc-a-2/figures.csv', ['bc-a-2/y']), false],
  ] as const)('%s', (_name, i, shown) => {
    const r = issuesForReport([i], 'bc-a');
    expect(r.shown.length).toBe(shown ? 1 : 0);
    expect(r.hiddenWarnings).toBe(shown ? 0 : 1);
  });
});
