// Validator rule family: follow-on errors. One invalid catalogue entry (a typo in the "kind" of
// tinh-kon-tum) leaves it out of data/, and then every figure, report and catalogue entry naming it
// fails too: hundreds of "không có trong data/organizations.json" that hide the one useful error.
// Those consequences are replaced by one issue per root entry, with a count and the files, placed
// right after the root error; re-running after the fix shows whatever is left.
import type { Issue } from '../../core/model.ts';
import type { Catalog } from './json.ts';

export interface CatalogCause {
  /** data/… path of the catalogue. */
  file: string;
  /** Issue codes that mean "a reference to this catalogue did not resolve". */
  codes: readonly string[];
  catalog: Pick<Catalog<unknown & { id: string }>, 'broken' | 'unreadable'>;
}

const quoted = (message: string): string[] => [...message.matchAll(/"([^"\n]{1,200})"/g)].map((m) => m[1]);
const reportOf = (file: string): string | null => /^content\/reports\/([^/]+)\//.exec(file)?.[1] ?? null;
// unit-history also reports dates that disagree; only its "does not exist" messages are about references.
const unresolved = (i: Issue) => i.code !== 'unit-history' || /không tồn tại|không có trong/.test(i.message);

/** `issues` with the follow-on errors of broken catalogue entries grouped (returns a new array). */
export function groupFollowOnErrors(issues: Issue[], causes: CatalogCause[]): Issue[] {
  const active = causes.filter((c) => c.catalog.unreadable || (c.catalog.broken?.size ?? 0) > 0);
  if (active.length === 0) return issues;
  // Key of a root: "<file>\0<id>" (id "" when the whole file is unreadable).
  const groups = new Map<string, { cause: CatalogCause; id: string; issues: Issue[] }>();
  const rootOf = (i: Issue): string | null => {
    if (i.level !== 'error' || !unresolved(i)) return null;
    for (const c of active) {
      if (!c.codes.includes(i.code)) continue;
      if (c.catalog.unreadable) return `${c.file}\0`;
      const id = quoted(i.message).find((q) => c.catalog.broken!.has(q));
      if (id !== undefined) return `${c.file}\0${id}`;
    }
    return null;
  };
  const followOn = new Set<Issue>();
  const reportsHit = new Map<string, string>();
  const add = (key: string, i: Issue) => {
    const [file, id] = key.split('\0');
    if (!groups.has(key)) groups.set(key, { cause: active.find((c) => c.file === file)!, id, issues: [] });
    groups.get(key)!.issues.push(i);
    followOn.add(i);
  };
  for (const i of issues) {
    const key = rootOf(i);
    if (!key) continue;
    add(key, i);
    const r = reportOf(i.file);
    if (r && !reportsHit.has(r)) reportsHit.set(r, key);
  }
  // A row refused for a broken reference is then missing for checks.csv and `same` declarations.
  for (const i of issues) {
    if (i.level !== 'error' || i.code !== 'unknown-figure' || followOn.has(i)) continue;
    const named = quoted(i.message).map((q) => (q.includes('/') ? q.split('/')[0] : reportOf(i.file)));
    const key = [reportOf(i.file), ...named].map((r) => (r ? reportsHit.get(r) : undefined)).find(Boolean);
    if (key) add(key, i);
  }
  if (followOn.size === 0) return issues;

  const summary = (g: { cause: CatalogCause; id: string; issues: Issue[] }): Issue => {
    const files = [...new Set(g.issues.map((i) => i.file))];
    const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, … (${files.length} tệp)` : '');
    const what = g.id ? `mục "${g.id}" có lỗi ở trên nên bị bỏ khỏi ${g.cause.file}` : `${g.cause.file} không đọc được`;
    return {
      level: 'error',
      code: 'follow-on',
      file: g.cause.file,
      line: g.id ? g.cause.catalog.broken!.get(g.id) || undefined : undefined,
      message: `${g.issues.length} lỗi kéo theo không liệt kê: ${what}, nên mọi chỗ dùng ${g.id ? `"${g.id}"` : 'danh mục này'} đều báo "không có" (${shown}).`,
      hint: `Chỉ cần sửa lỗi của ${g.id ? `mục "${g.id}"` : 'tệp này'} ở trên, rồi chạy lại npm run validate.`,
    };
  };
  // Each summary goes right after the last issue of its catalogue file, so it reads with its root error.
  const out: Issue[] = [];
  const emitted = new Set<string>();
  const lastOf = new Map<string, Issue>();
  for (const i of issues) if (!followOn.has(i)) lastOf.set(i.file, i);
  for (const i of issues) {
    if (followOn.has(i)) continue;
    out.push(i);
    if (lastOf.get(i.file) !== i) continue;
    for (const [key, g] of groups) if (g.cause.file === i.file && !emitted.has(key)) (out.push(summary(g)), emitted.add(key));
  }
  // A catalogue with no issue of its own left to follow (e.g. only follow-ons): its summaries come first.
  return [...[...groups].filter(([key]) => !emitted.has(key)).map(([, g]) => summary(g)), ...out];
}
