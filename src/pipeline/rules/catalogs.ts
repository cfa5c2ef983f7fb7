// Validator rule family: cross-references inside data/ — an indicator's area and the
// indicators its derivation names exist; an area id is a safe, unique page section anchor.
import type { Issue } from '../../core/model.ts';
import type { Area, Indicator } from '../../core/schema.ts';
import { EXTRA_SECTION_IDS } from './context.ts';
import type { Catalog } from './json.ts';
import { sectionAnchorProblem } from './strict.ts';

export function checkIndicatorRefs(catalog: Catalog<Indicator>, areaIds: ReadonlySet<string>, issues: Issue[]): void {
  const { items: indicators, doc } = catalog;
  if (!doc) return;
  const indicatorIds = new Set(indicators.map((i) => i.id));
  // Parsed once, not once per indicator (thousands of entries would make that quadratic).
  const entries = JSON.parse(doc.file.text) as { id?: string }[];
  const indexOf = new Map<string, number>();
  entries.forEach((e, i) => typeof e?.id === 'string' && !indexOf.has(e.id) && indexOf.set(e.id, i));
  for (const ind of indicators) {
    const index = indexOf.get(ind.id) ?? -1;
    const at = (field: string) => doc.lineOf([index, field]);
    if (!areaIds.has(ind.area))
      issues.push({
        level: 'error',
        code: 'unknown-area',
        file: doc.file.path,
        line: at('area'),
        column: 'area',
        message: `Chỉ số "${ind.id}": lĩnh vực "${ind.area}" không có trong data/areas.json.`,
        hint: `Dùng một trong: ${[...areaIds].join(', ')}.`,
      });
    const refs = derivationRefs(ind);
    for (const ref of refs)
      if (!indicatorIds.has(ref))
        issues.push({
          level: 'error',
          code: 'unknown-indicator',
          file: doc.file.path,
          line: at('derivation'),
          column: 'derivation',
          message: `Chỉ số "${ind.id}": công thức tham chiếu chỉ số không tồn tại "${ref}".`,
          hint: 'Sửa id trong derivation hoặc thêm chỉ số đó vào danh mục.',
        });
  }
  // A derivation that reaches back to its own indicator checks a figure against itself ("35,26/35,26 = 100%").
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      if (reported.has(id)) return;
      reported.add(id);
      const cycle = [...path.slice(path.indexOf(id)), id];
      issues.push({
        level: 'error',
        code: 'derivation-cycle',
        file: doc.file.path,
        line: doc.lineOf([indexOf.get(id) ?? -1, 'derivation']),
        column: 'derivation',
        message: `Công thức của chỉ số "${id}" quay về chính nó: ${cycle.join(' → ')}.`,
        hint: 'Một chỉ số chỉ được tính từ các chỉ số khác; sửa numerator/denominator/of/parts.',
      });
      return;
    }
    state.set(id, 'open');
    path.push(id);
    const ind = byId.get(id);
    for (const ref of ind ? derivationRefs(ind) : []) visit(ref);
    path.pop();
    state.set(id, 'done');
  };
  for (const ind of indicators) visit(ind.id);
}

function derivationRefs(ind: Indicator): string[] {
  const d = ind.derivation;
  return !d ? [] : d.kind === 'ratio' ? [d.numerator, d.denominator] : d.kind === 'fraction' ? [d.of] : d.parts;
}

/** Area ids become section anchors on report pages: none may clash with the page's own anchors. */
export function checkAreaAnchors(catalog: Catalog<Area>, issues: Issue[]): void {
  const { items: areas, doc } = catalog;
  if (!doc) return;
  areas.forEach((a) => {
    const clash = sectionAnchorProblem(a.id) ?? (EXTRA_SECTION_IDS.has(a.id) ? `"${a.id}" trùng với một mục ngoài lĩnh vực` : null);
    if (clash) issues.push({ level: 'error', code: 'anchor-clash', file: doc.file.path, line: doc.lineOf([catalog.index?.get(a.id) ?? -1, 'id']), column: 'id', message: `Lĩnh vực "${a.id}": ${clash}.`, hint: 'Đổi id lĩnh vực.' });
  });
}
