// What every per-report rule family may consult: the catalogues as look-up sets and maps,
// plus what is collected across reports. Built once per validateContent call (no module state).
import type { Indicator } from '../../core/schema.ts';
import { extraSections } from '../../core/schema.ts';
import { formatNumber } from '../../core/format.ts';
import type { SameDeclaration } from './series.ts';

export interface Refs {
  orgIds: ReadonlySet<string>;
  breakdownIds: ReadonlySet<string>;
  indicatorById: ReadonlyMap<string, Indicator>;
  /** Area ids in catalogue order: narrative file names and report page sections. */
  areaIds: ReadonlySet<string>;
  /** Ids of reports already accepted (duplicates are refused). */
  reportIds: Set<string>;
  /** Pre-audit leniency (PRE_AUDIT_LENIENCY). */
  lenient: boolean;
  /** `same` declarations of checks.csv, resolved once every report is read. */
  same: SameDeclaration[];
}

/** Narrative sections besides the reform areas (tổng quan, hạn chế, …). */
export const EXTRA_SECTION_IDS: ReadonlySet<string> = new Set(extraSections.map((s) => s.id));

/** Every section a report page has: the areas, then the extra sections. */
export const pageSections = (refs: Refs): string[] => [...refs.areaIds, ...EXTRA_SECTION_IDS];

export const HTML_TAG = /<\/?[a-zA-Z][^>]*>/;

/** Numbers in messages as printed in Vietnamese ("1.767", "17,96"). */
export const plain = (n: number): string => formatNumber(n);
