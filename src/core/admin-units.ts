// Administrative units over time: units that were merged or dissolved (validTo, successor)
// and the dated events with their legal basis. Pure: used by the validator and the pages.
import type { AdminEvent, Organization } from './schema.ts';
import { periodRange } from './period.ts';

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

/** First and last day a period covers: "2025-Q3" → 2025-07-01 … 2025-09-30 (the one period grammar, core/period.ts). */
export const periodDays = periodRange;

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
