// Validator rule family: organizations over time. The hierarchy (parent) has no dangling
// link or cycle; successor/predecessors/validFrom/validTo agree with each other and with
// data/events.json (the 1/7/2025 merger); a figure's organization existed in its period.
import type { Issue, ReportContent } from '../../core/model.ts';
import type { AdminEvent, Organization } from '../../core/schema.ts';
import { existsOn, periodDays } from '../../core/admin-units.ts';
import type { Catalog } from './json.ts';
import { organizationCycles } from './strict.ts';

/** Every parent exists, and no organization is its own ancestor. */
export function checkOrganizationTree(catalog: Catalog<Organization>, issues: Issue[]): void {
  const organizations = catalog.items;
  const orgIds = new Set(organizations.map((o) => o.id));
  organizations.forEach((o) => {
    if (o.parent && !orgIds.has(o.parent))
      issues.push({ level: 'error', code: 'unknown-organization', file: 'data/organizations.json', line: catalog.doc?.lineOf([catalog.index?.get(o.id) ?? -1, 'parent']), column: 'parent', message: `Tổ chức "${o.id}": đơn vị cấp trên "${o.parent}" không tồn tại.`, hint: 'Sửa "parent" thành id một tổ chức có trong data/organizations.json.' });
  });
  for (const c of organizationCycles(organizations)) {
    const index = organizations.findIndex((o) => o.id === c.id);
    const line = catalog.doc?.lineOf([index, 'parent']);
    issues.push({ level: 'error', code: 'organization-cycle', file: 'data/organizations.json', line, column: 'parent', message: `Tổ chức "${c.id}" là cấp trên của chính nó: ${c.chain.join(' → ')}.`, hint: 'Sửa "parent" để cây tổ chức không có vòng.' });
  }
}

/** successor/predecessors/validFrom/validTo of data/organizations.json agree with each other and with data/events.json. */
export function checkUnitsOverTime(catalog: Catalog<Organization>, eventCatalog: Catalog<AdminEvent>, issues: Issue[]): void {
  const events = eventCatalog.items;
  const { items: organizations, doc } = catalog;
  const path = doc?.file.path ?? 'data/organizations.json';
  const byId = new Map(organizations.map((o) => [o.id, o]));
  // Positions in the file (invalid entries are not in `organizations`, so their indexes differ).
  const line = (id: string, field: string) => doc?.lineOf([catalog.index?.get(id) ?? -1, field]);
  const err = (o: Organization, column: string, message: string, hint: string) => issues.push({ level: 'error', code: 'unit-history', file: path, line: line(o.id, column), column, message, hint });
  const eventIds = new Set(events.map((e) => e.id));
  for (const o of organizations) {
    if (o.validFrom && o.validTo && o.validFrom > o.validTo) err(o, 'validTo', `Tổ chức "${o.id}": validTo ${o.validTo} trước validFrom ${o.validFrom}.`, 'Sửa lại ngày (YYYY-MM-DD).');
    if (o.successor) {
      const s = byId.get(o.successor);
      if (!s) err(o, 'successor', `Tổ chức "${o.id}": đơn vị kế thừa "${o.successor}" không tồn tại.`, 'Thêm đơn vị kế thừa vào data/organizations.json hoặc sửa id.');
      else if (!o.validTo) err(o, 'validTo', `Tổ chức "${o.id}" có đơn vị kế thừa nhưng thiếu validTo (ngày cuối còn tồn tại).`, 'Thêm "validTo": "YYYY-MM-DD".');
      else if (s.validFrom && s.validFrom <= o.validTo) err(o, 'successor', `Tổ chức "${o.id}" còn tồn tại đến ${o.validTo} nhưng đơn vị kế thừa "${s.id}" bắt đầu từ ${s.validFrom}.`, 'Đơn vị kế thừa phải bắt đầu sau ngày validTo.');
    }
    for (const p of o.predecessors ?? []) {
      const pre = byId.get(p);
      if (!pre) err(o, 'predecessors', `Tổ chức "${o.id}": đơn vị tiền thân "${p}" không tồn tại.`, 'Thêm cơ quan, đơn vị đó vào danh mục hoặc sửa id.');
      else if (pre.successor !== o.id) err(o, 'predecessors', `Tổ chức "${o.id}" ghi "${p}" là tiền thân, nhưng "${p}" không ghi successor "${o.id}".`, `Thêm "successor": "${o.id}" cho "${p}".`);
    }
    if (o.event && !eventIds.has(o.event)) err(o, 'event', `Tổ chức "${o.id}": sự kiện "${o.event}" không có trong data/events.json.`, 'Sửa id hoặc thêm sự kiện.');
  }
  for (const e of events) {
    const at = (column: 'predecessors' | 'successors') => ({ level: 'error' as const, code: 'unit-history', file: 'data/events.json', line: eventCatalog.doc?.lineOf([eventCatalog.index?.get(e.id) ?? -1, column]), column });
    for (const id of e.predecessors) {
      const o = byId.get(id);
      if (!o) issues.push({ ...at('predecessors'), message: `Sự kiện "${e.id}": cơ quan, đơn vị "${id}" không có trong data/organizations.json.`, hint: 'Thêm cơ quan, đơn vị đó vào danh mục hoặc sửa id.' });
      else if (!o.validTo || o.validTo >= e.effective) issues.push({ ...at('predecessors'), message: `Sự kiện "${e.id}" có hiệu lực ${e.effective} nhưng "${id}" không kết thúc trước ngày đó (validTo: ${o.validTo ?? 'trống'}).`, hint: 'Đặt validTo của cơ quan, đơn vị đó là ngày trước ngày hiệu lực.' });
    }
    for (const id of e.successors) {
      const o = byId.get(id);
      if (!o) issues.push({ ...at('successors'), message: `Sự kiện "${e.id}": cơ quan, đơn vị "${id}" không có trong data/organizations.json.`, hint: 'Thêm cơ quan, đơn vị đó vào danh mục hoặc sửa id.' });
      else if (o.validFrom !== e.effective) issues.push({ ...at('successors'), message: `Sự kiện "${e.id}" có hiệu lực ${e.effective} nhưng "${id}" có validFrom ${o.validFrom ?? 'trống'}.`, hint: `Đặt "validFrom": "${e.effective}".` });
    }
  }
}

/**
 * A figure is about a unit that existed during its period, and a report's issuer existed when
 * it issued it: a figure of the merged province never lands in a series of a unit that no
 * longer existed (or the other way round), which would silently join two different territories.
 */
export function checkUnitsInPeriods(reports: ReportContent[], organizations: Organization[], issues: Issue[]): void {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const hint = (o: Organization) => {
    const s = o.successor ? byId.get(o.successor) : undefined;
    return s ? `Sau ${o.validTo}, dùng "${s.id}" (${s.shortName}); số liệu chỉ về địa bàn cũ thì thêm phân tổ địa bàn (xem docs/figure-model.md).` : 'Kiểm tra lại kỳ hoặc cơ quan, đơn vị.';
  };
  for (const r of reports) {
    const issuer = byId.get(r.meta.issuer);
    if (issuer && r.meta.date && !existsOn(issuer, r.meta.date))
      issues.push({ level: 'error', code: 'unit-not-in-period', file: r.files.report, column: 'issuer', message: `"${issuer.id}" không tồn tại vào ngày ban hành ${r.meta.date}.`, hint: hint(issuer) });
    // What the report is about existed during its period (new-report used to default to the merged province for any period).
    const scope = byId.get(r.meta.scope);
    const span = scope ? periodDays(r.meta.period) : null;
    if (scope && span && ((scope.validTo && span.start > scope.validTo) || (scope.validFrom && span.end < scope.validFrom))) {
      const before = scope.validFrom && span.end < scope.validFrom ? (scope.predecessors ?? []).map((id) => byId.get(id)).filter((o) => o !== undefined) : [];
      issues.push({
        level: 'error',
        code: 'unit-not-in-period',
        file: r.files.report,
        column: 'scope',
        message: `"${scope.id}" không tồn tại trong kỳ báo cáo ${r.meta.period}${scope.validFrom ? ` (có từ ${scope.validFrom})` : ''}.`,
        hint: before.length ? `Trước ${scope.validFrom}, dùng ${before.map((o) => `"${o.id}" (${o.shortName})`).join(' hoặc ')} cho "scope" (và "issuer" nếu chính cơ quan, đơn vị đó ban hành).` : hint(scope),
      });
    }
    for (const f of r.figures) {
      const o = byId.get(f.scope);
      if (!o) continue;
      const { start, end } = periodDays(f.period);
      // The unit must have existed for part of the period (a year report may straddle the change).
      if ((o.validTo && start > o.validTo) || (o.validFrom && end < o.validFrom))
        issues.push({ level: 'error', code: 'unit-not-in-period', file: r.files.figures ?? r.files.report, line: f.line, column: 'scope', message: `"${o.id}" không tồn tại trong kỳ ${f.period} của số liệu "${f.id}".`, hint: hint(o) });
    }
  }
}
