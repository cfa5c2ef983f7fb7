// Administrative units over time: units that were merged or dissolved (validTo, successor)
// and the dated events with their legal basis. Pure: used by the validator and the pages.
import type { AdminEvent, Organization } from './schema.ts';

/** "2025-07-01" → "1/7/2025" (Vietnamese day/month/year, no leading zeros). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** The day after an ISO date (calendar arithmetic in UTC). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** First and last day a period covers: "2025-Q3" → 2025-07-01 … 2025-09-30; intervals "A/B" from A's start to B's end. */
export function periodDays(period: string): { start: string; end: string } {
  const [a, b] = period.split('/');
  const first = (p: string): string => {
    const q = /^(\d{4})-Q([1-4])$/.exec(p);
    if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const h = /^(\d{4})-H([12])$/.exec(p);
    if (h) return `${h[1]}-${h[2] === '1' ? '01' : '07'}-01`;
    if (/^\d{4}$/.test(p)) return `${p}-01-01`;
    if (/^\d{4}-\d{2}$/.test(p)) return `${p}-01`;
    return p;
  };
  const last = (p: string): string => {
    const q = /^(\d{4})-Q([1-4])$/.exec(p);
    if (q) return lastOfMonth(Number(q[1]), Number(q[2]) * 3);
    const h = /^(\d{4})-H([12])$/.exec(p);
    if (h) return lastOfMonth(Number(h[1]), h[2] === '1' ? 6 : 12);
    if (/^\d{4}$/.test(p)) return `${p}-12-31`;
    const m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m) return lastOfMonth(Number(m[1]), Number(m[2]));
    return p;
  };
  return { start: first(a), end: last(b ?? a) };
}

function lastOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Whether the unit existed on a day (ISO). */
export function existsOn(org: Pick<Organization, 'validFrom' | 'validTo'>, day: string): boolean {
  return (!org.validFrom || org.validFrom <= day) && (!org.validTo || day <= org.validTo);
}

export const isHistorical = (org: Pick<Organization, 'validTo'>): boolean => Boolean(org.validTo);

const ADMINISTRATIVE = new Set(['province', 'district', 'commune']);

/** Lower-case the first letter of a short name for use inside a sentence: "Tỉnh Quảng Ngãi" → "tỉnh Quảng Ngãi". */
const inSentence = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/** The current unit a historical one became, following successors (cycle-safe). */
export function currentSuccessor(org: Organization, byId: Map<string, Organization>): Organization | null {
  let cur = org;
  const seen = new Set<string>([org.id]);
  while (cur.successor && byId.has(cur.successor) && !seen.has(cur.successor)) {
    cur = byId.get(cur.successor)!;
    seen.add(cur.id);
  }
  return cur === org ? null : cur;
}

export interface HistoricalNote {
  /** "Đơn vị hành chính trước ngày 1/7/2025; nay thuộc tỉnh Quảng Ngãi" */
  text: string;
  successor: Organization | null;
  event: AdminEvent | null;
}

/** What a page of a historical unit says about it; null for a unit that still exists. */
export function historicalNote(org: Organization, organizations: Organization[], events: AdminEvent[]): HistoricalNote | null {
  if (!org.validTo) return null;
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const successor = currentSuccessor(org, byId);
  const event = events.find((e) => e.id === org.event) ?? events.find((e) => e.predecessors.includes(org.id)) ?? null;
  const what = ADMINISTRATIVE.has(org.kind) ? 'Đơn vị hành chính' : 'Cơ quan, tổ chức';
  const until = `trước ngày ${formatDay(nextDay(org.validTo))}`;
  const now = successor ? `; nay thuộc ${inSentence(successor.shortName)}` : '; nay không còn';
  return { text: `${what} ${until}${now}`, successor, event };
}
