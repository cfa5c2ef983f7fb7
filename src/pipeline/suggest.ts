// Extraction assistant: candidate figures for a report's source.txt, for a curator to
// review (never written to figures.csv by code). Pure: text and catalogues in, rows out.
// One candidate per quantity the text states, with the sentence as verbatim quote, the
// section it sits in, and a suggested indicator/period/basis/status/scope with a reason.
import type { Basis, Indicator, Organization, Report, Status } from '../core/schema.ts';
import { parseVietnameseNumber } from '../core/vn-number.ts';
import { hedgeBefore } from '../core/hedge.ts';
import { compareVi, foldDiacritics, slugify } from '../core/text.ts';
import { locateQuote } from '../core/quote.ts';
import type { Content, Figure } from '../core/model.ts';


/** A curated figure of an earlier report: what the indicator-by-wording memory learns from. */
export interface MemoryFigure {
  indicator: string;
  value: number;
  quote: string;
}

/** A row already in the report's own figures.csv (read by header name, so any column set works). */
export interface ExistingFigure {
  id: string;
  value: number;
  quote: string;
}

export interface SuggestInput {
  report: Pick<Report, 'id' | 'kind' | 'scope' | 'period'>;
  sourceText: string;
  indicators: Indicator[];
  organizations: Organization[];
  memory: MemoryFigure[];
  existing: ExistingFigure[];
}

/**
 * A candidate figures.csv row: the model's figure fields, with the optional cells as the
 * (possibly empty) strings the CSV gets, plus what the assistant knows about its guess.
 */
export interface Suggestion extends Pick<Figure, 'id' | 'indicator' | 'scope' | 'period' | 'basis' | 'status' | 'value' | 'denominator' | 'unit' | 'section' | 'quote'> {
  breakdown: string;
  comparator: string;
  note: string;
  /** 0–1: how sure the assistant is that this is a figure worth curating with this indicator. */
  confidence: number;
  reason: string;
  /** Id of the figures.csv row that already covers this quantity, or ''. */
  existing: string;
  /** Offsets of the quote in the NFC source (for matching, not written). */
  start: number;
  end: number;
  /** Offset of the number itself. */
  at: number;
}

export const SUGGESTION_COLUMNS = [
  'id', 'indicator', 'scope', 'breakdown', 'period', 'basis', 'status', 'value', 'denominator', 'unit', 'comparator',
  'section', 'quote', 'note', 'confidence', 'reason', 'existing',
] as const;

// ---- Text segmentation --------------------------------------------------------------

interface Sentence {
  text: string;
  start: number;
  section: string;
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const supToDigits = (s: string) => [...s].map((c) => String(SUP.indexOf(c))).join('');
const ROMAN = /^\**\s*([IVX]+)\.\s+\S/;
const NUMBERED = /^\**\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S/;
const LETTERED = /^\**\s*([a-zđ])\)\s+\S/;
const FOOTNOTE = /^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾)\s/;

/** Headings are short lines such as "II. KẾT QUẢ", "1. Cải cách thể chế", "2.1. …", "a) …". */
function heading(line: string): { level: 0 | 1 | 2; label: string } | null {
  if (line.length > 400) return null;
  let m = ROMAN.exec(line);
  if (m) return { level: 0, label: m[1] };
  m = LETTERED.exec(line);
  if (m && line.length < 300) return { level: 2, label: m[1] };
  m = NUMBERED.exec(line);
  // "1. …" is a heading only when the line starts that way and is short-ish; "3 cấp)." is a wrapped line.
  if (m && /^\**\s*\d{1,2}(?:\.\d{1,2})*\.\s/.test(line) && line.length < 300) return { level: 1, label: m[1] };
  return null;
}

/** Split the source into sentences (long ones further at ";"), each with its section path. */
export function sentences(sourceText: string): Sentence[] {
  const text = sourceText.normalize('NFC');
  const out: Sentence[] = [];
  const path: [string, string, string] = ['', '', ''];
  const sectionOf = () => path.filter(Boolean).join('.');
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (!line) continue;
    const fn = FOOTNOTE.exec(line);
    let section: string;
    if (fn) section = `chú thích ${supToDigits(fn[1] ?? fn[2])}`;
    else {
      const h = heading(line);
      if (h) {
        path[h.level] = h.label;
        for (let l = h.level + 1; l < 3; l++) path[l] = '';
      }
      section = sectionOf() || 'mở đầu';
      if (h) {
        // The heading's own label ("2.1.", "a)") is not a quantity: keep only the text after it.
        const label = /^\**\s*(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\))\s*/.exec(line)![0];
        const lead = raw.indexOf(line) + label.length;
        for (const s of splitSentences(line.slice(label.length))) out.push({ text: s.text, start: lineStart + lead + s.start, section });
        continue;
      }
    }
    const lead = raw.indexOf(line);
    for (const s of splitSentences(line)) out.push({ text: s.text, start: lineStart + lead + s.start, section });
  }
  return out;
}

function splitSentences(line: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  // Sentence end: ". " before an upper-case letter, an opening quote/bracket or a list marker.
  const re = /[.!?…]+[*)”"]*\s+(?=[A-ZÀ-ỸĐ“"(*\-+])/gu;
  let from = 0;
  const push = (a: number, b: number) => {
    const t = line.slice(a, b);
    // A leading list marker ("- ", "+ ") is layout, not part of the quote.
    const lead = t.length - t.replace(/^\s*(?:[-+•]\s+)?/, '').length;
    const s = t.slice(lead).trim();
    if (s) parts.push(...splitLong(s, a + lead));
  };
  for (const m of line.matchAll(re)) {
    const end = m.index! + m[0].trimEnd().length;
    // "TP. Kon Tum", "Số 5. A" are rare; accept the occasional over-split.
    push(from, end);
    from = m.index! + m[0].length;
  }
  push(from, line.length);
  return parts;
}

/** Clauses of an over-long sentence, at "; " (lists of results), so a quote stays readable. */
function splitLong(s: string, start: number): { text: string; start: number }[] {
  if (s.length <= 320) return [{ text: s, start }];
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of s.matchAll(/;\s+/g)) {
    const end = m.index! + 1;
    if (end - from >= 60) {
      out.push({ text: s.slice(from, end), start: start + from });
      from = m.index! + m[0].length;
    }
  }
  if (from < s.length) out.push({ text: s.slice(from), start: start + from });
  return out;
}

// ---- Numbers --------------------------------------------------------------------------

interface NumberMatch {
  value: number;
  denominator: number | null;
  percent: boolean;
  /** Offset in the sentence. */
  at: number;
  end: number;
  token: string;
}

const NUM = /(?<![\d,/\p{L}])(?<![^.]\.)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?=\s*%)|\d+(?:,\d+)?)(?:\s*\/\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?))?(\s*%)?/gu;
const BEFORE_SKIP = /(?:^|[^\p{L}])(?:ngày|tháng|năm|(?<!tổng )số|điều|khoản|điểm|chương|(?<!danh )mục|lần thứ|đợt|khóa|khoá|phiên|kỳ họp|quý|giai đoạn|phụ lục|biểu|mẫu|v\/v)\s*$/iu;

/** Quantities printed in a sentence, leaving out dates, years, document numbers and ordinals. */
export function numbersIn(sentence: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of sentence.matchAll(NUM)) {
    const at = m.index!;
    const end = at + m[0].length;
    const before = sentence.slice(Math.max(0, at - 20), at);
    const after = sentence.slice(end, end + 12);
    const a = m[1];
    const b = m[2];
    // "99.28%": an English decimal point, printed by some sources before a percent sign.
    const value = /^\d+\.\d{1,2}$/.test(a) ? Number(a) : parseVietnameseNumber(a);
    if (value === null) continue;
    const denominator = b === undefined ? null : parseVietnameseNumber(b);
    if (b !== undefined && denominator === null) continue;
    // Dates "15/7/2024", document numbers "2485/UBND-NC", "61/2018/NĐ-CP", "1883-KL/TU".
    if (b === undefined && /^\s*[/-]\s*\p{Lu}/u.test(after)) continue;
    if (b !== undefined && /^\s*[/-]\s*[\p{Lu}\d]/u.test(after)) continue;
    if (/^\d{4}$/.test(a) && /^\s*[-–]\s*\d{4}/.test(after)) continue; // "2021-2025"
    if (b === undefined && /^\d{4}$/.test(a) && Number(a) >= 1945 && Number(a) <= 2100) continue; // a year
    if (!m[3] && BEFORE_SKIP.test(before)) continue; // "ngày 15", "Điều 5", "lần thứ 2", "đợt 2"
    if (/\d\s*[/-]\s*$/.test(before)) continue; // tail of a date or document number
    if (/^\s*(?:tháng|năm)\s+\d/.test(after) && value <= 31 && !m[3]) continue; // "12 tháng 12 năm 2023": the day
    if (/\(\s*$/.test(before) && /^\)/.test(after) && value < 30) continue; // "(1)" list markers
    out.push({ value, denominator, percent: Boolean(m[3]), at, end, token: m[0] });
  }
  return out;
}

// ---- Words, features, similarity ----------------------------------------------------------

function words(text: string): string[] {
  return foldDiacritics(text.normalize('NFC')).toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

type Features = Map<string, number>;

/** Unigrams and bigrams of the words around position `at` (in `text`), weighted by nearness. */
function contextFeatures(text: string, at: number, end: number, before = 20, after = 12): Features {
  const left = words(text.slice(0, at)).slice(-before);
  const right = words(text.slice(end)).slice(0, after);
  const f: Features = new Map();
  const add = (k: string, w: number) => f.set(k, Math.max(f.get(k) ?? 0, w));
  const seq = [...left, '#', ...right];
  const pivot = left.length;
  seq.forEach((w, i) => {
    if (w === '#' || /^\d+$/.test(w)) return;
    const d = Math.abs(i - pivot);
    const near = 1 / (1 + d / 5);
    add(w, near * 0.5);
    const n = seq[i + 1];
    if (n && n !== '#' && !/^\d+$/.test(n)) add(`${w} ${n}`, near);
  });
  return f;
}

function textFeatures(text: string): Features {
  const ws = words(text).filter((w) => !/^\d+$/.test(w));
  const f: Features = new Map();
  ws.forEach((w, i) => {
    f.set(w, 0.5);
    if (ws[i + 1]) f.set(`${w} ${ws[i + 1]}`, 1);
  });
  return f;
}

interface Vector {
  w: Map<string, number>;
  norm: number;
}

function vector(f: Features, idf: (k: string) => number): Vector {
  const w = new Map<string, number>();
  let n = 0;
  for (const [k, v] of f) {
    const x = v * idf(k);
    w.set(k, x);
    n += x * x;
  }
  return { w, norm: Math.sqrt(n) };
}

function cosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  const [small, large] = a.w.size <= b.w.size ? [a.w, b.w] : [b.w, a.w];
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (a.norm * b.norm);
}

// ---- Period, basis, status, comparator, scope ---------------------------------------------------

const pad = (n: number | string) => String(n).padStart(2, '0');

function periodEndMonth(period: string): number {
  const q = /-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) * 3;
  const h = /-H([12])$/.exec(period);
  if (h) return Number(h[1]) * 6;
  const m = /^\d{4}-(\d{2})/.exec(period);
  return m ? Number(m[1]) : 12;
}

interface When {
  period: string;
  basis: Basis;
  why: string;
}

/** Period and basis from the words of the clause before the number (and the report's own period). */
export function periodFor(clause: string, report: SuggestInput['report'], indicatorBasis: Basis | null): When {
  const year = Number(report.period.slice(0, 4));
  const t = clause.normalize('NFC');
  let m: RegExpExecArray | null;
  const DAY = String.raw`(\d{1,2})(?:\s+tháng\s+|\/)(\d{1,2})(?:\s+năm\s+|\/)(\d{4})`;
  if ((m = new RegExp(`từ\\s+ngày\\s+${DAY}\\s+đến\\s+(?:hết\\s+)?ngày\\s+${DAY}`, 'iu').exec(t))) {
    const iso = (d: string, mo: string, y: string) => `${y}-${pad(mo)}-${pad(d)}`;
    return { period: `${iso(m[1], m[2], m[3])}/${iso(m[4], m[5], m[6])}`, basis: 'flow', why: `"từ ngày … đến ngày …"` };
  }
  const date = /(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+(\d{1,2})(?:\s+tháng\s+|\/)(\d{1,2})(?:\s+năm\s+|\/)(\d{4})/iu;
  if ((m = date.exec(t))) {
    const day = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
    if (/lũy kế|luỹ kế|từ đầu năm|giải ngân|thu ngân sách/iu.test(t)) return { period: `${m[3]}-01-01/${day}`, basis: 'cumulative', why: `"đến ngày ${m[1]}/${m[2]}/${m[3]}" + lũy kế` };
    return { period: day, basis: 'stock', why: `"tính đến ngày ${m[1]}/${m[2]}/${m[3]}"` };
  }
  if ((m = /năm học\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(t))) return { period: `${m[1]}-09/${m[2]}-08`, basis: 'flow', why: `"năm học ${m[1]}-${m[2]}"` };
  if ((m = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(t))) return { period: `${m[1]}/${m[2]}`, basis: 'cumulative', why: `"giai đoạn ${m[1]}-${m[2]}"` };
  if ((m = /(\d{1,2}|chín|sáu) tháng(?: đầu năm)?(?: năm (\d{4}))?/iu.exec(t))) {
    const n = { chín: 9, sáu: 6 }[m[1].toLowerCase()] ?? Number(m[1]);
    const y = m[2] ? Number(m[2]) : year;
    if (n === 6 && (report.kind === 'half-year-report' || /-H1$/.test(report.period))) return { period: `${y}-H1`, basis: 'flow', why: '"6 tháng đầu năm"' };
    if (n >= 1 && n <= 12 && n !== 3) return { period: n === 12 ? `${y}` : `${y}-01/${y}-${pad(n)}`, basis: 'cumulative', why: `"${m[0]}"` };
  }
  if (/lũy kế|luỹ kế|từ đầu năm/iu.test(t)) return { period: `${year}-01/${year}-${pad(periodEndMonth(report.period))}`, basis: 'cumulative', why: '"lũy kế/từ đầu năm"' };
  if ((m = /quý\s+(I{1,3}|IV|[1-4])(?:\s+năm\s+|\/)(\d{4})/iu.exec(t))) {
    const q = { I: 1, II: 2, III: 3, IV: 4 }[m[1].toUpperCase()] ?? Number(m[1]);
    return { period: `${m[2]}-Q${q}`, basis: 'flow', why: `"quý ${m[1]} năm ${m[2]}"` };
  }
  // "năm 2023" closest before the number, when it is not the report's own year.
  const years = [...t.matchAll(/năm\s+(\d{4})/giu)];
  const last = years.at(-1);
  if (last && Number(last[1]) !== year) return { period: last[1], basis: indicatorBasis ?? 'flow', why: `"năm ${last[1]}"` };
  if (/đến nay|hiện nay|hiện có|hiện đang|tổng số|đang hoạt động|được phê duyệt/iu.test(t) && !/trong quý|trong kỳ/iu.test(t)) return { period: report.period, basis: 'stock', why: '"đến nay/hiện nay": mức tại kỳ báo cáo' };
  return { period: report.period, basis: indicatorBasis ?? 'flow', why: 'kỳ của báo cáo' };
}

export function statusFor(clause: string, report: SuggestInput['report']): { status: Status; why: string } {
  const t = clause.normalize('NFC');
  if (/(^|[^\p{L}])(ước|dự ước|ước tính|khoảng)(?=[^\p{L}]|$)/iu.test(t)) return { status: 'estimate', why: '"ước/khoảng"' };
  if (/dự kiến|(^|[^\p{L}])sẽ(?=[^\p{L}])/iu.test(t)) return { status: 'planned', why: '"dự kiến/sẽ"' };
  if (/chỉ tiêu|mục tiêu|phấn đấu|kế hoạch giao|phải đạt|bảo đảm đạt|đảm bảo đạt/iu.test(t)) return { status: 'target', why: '"chỉ tiêu/mục tiêu/phấn đấu"' };
  if (report.kind === 'annual-plan' || report.kind === 'directive') return { status: 'target', why: 'văn bản kế hoạch/chỉ đạo' };
  return { status: 'actual', why: '' };
}

/** The comparator the words right before a number print (src/core/hedge.ts: the one table the validator checks too). */
export function comparatorFor(before: string): string {
  const hedge = hedgeBefore(before, before.length);
  if (hedge) return hedge.comparator;
  // Suggestion-only readings the validator does not hold rows to: "từ 90% (trở lên)", "vượt 5%".
  const t = before.normalize('NFC').trimEnd();
  if (/(?:^|\s)từ$/iu.test(t)) return '>=';
  if (/(?:^|\s)vượt$/iu.test(t)) return '>';
  return '';
}

// ---- Units ------------------------------------------------------------------------------------

function unitAfter(after: string, percent: boolean, units: string[]): string {
  if (percent) return '%';
  const t = after.normalize('NFC').replace(/^[\s*]+/, '');
  const lower = t.toLowerCase();
  for (const u of units) {
    if (lower.startsWith(u.toLowerCase()) && !/\p{L}/u.test(lower.charAt(u.length))) return u;
  }
  return '';
}

// ---- The assistant ------------------------------------------------------------------------------

interface MemoryEntry {
  indicator: string;
  features: Features;
}

/** Learn, from curated figures, which words surround the number of each indicator. */
function buildMemory(memory: MemoryFigure[]): MemoryEntry[] {
  const out: MemoryEntry[] = [];
  for (const m of memory) {
    const hit = numbersIn(m.quote).find((n) => Math.abs(n.value - m.value) < 1e-9);
    if (hit) out.push({ indicator: m.indicator, features: contextFeatures(m.quote, hit.at, hit.end) });
    else out.push({ indicator: m.indicator, features: textFeatures(m.quote) });
  }
  return out;
}

export function suggestFigures(input: SuggestInput): Suggestion[] {
  const source = input.sourceText.normalize('NFC');
  const units = [...new Set(input.indicators.map((i) => i.unit))].sort((a, b) => b.length - a.length || compareVi(a, b));
  const memory = buildMemory(input.memory);
  const labelFeatures = new Map(input.indicators.map((i) => [i.id, textFeatures(`${i.label} ${i.label} ${i.definition}`)]));
  const indicatorById = new Map(input.indicators.map((i) => [i.id, i]));

  // Inverse document frequency over the catalogue and the memory: rare words decide.
  const df = new Map<string, number>();
  const docs = [...memory.map((m) => m.features), ...labelFeatures.values()];
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = (k: string) => Math.log((docs.length + 1) / ((df.get(k) ?? 0) + 1)) + 0.1;
  const memoryVectors = memory.map((m) => ({ indicator: m.indicator, v: vector(m.features, idf) }));
  const labelVectors = [...labelFeatures].map(([id, f]) => ({ id, v: vector(f, idf) }));

  const existing = input.existing
    .map((e) => ({ ...e, loc: locateQuote(source, e.quote) }))
    .filter((e): e is typeof e & { loc: NonNullable<typeof e.loc> } => e.loc !== null);

  const districts = input.organizations
    .filter((o) => o.kind === 'district' || o.kind === 'commune' || o.kind === 'province')
    .flatMap((o) => {
      const short = o.shortName.replace(/^(Huyện|Thành phố|Tỉnh|Xã|Phường|Thị trấn)\s+/u, '');
      return [{ id: o.id, re: new RegExp(`(?:huyện|thành phố|tỉnh|xã|phường|thị trấn|UBND|Ủy ban nhân dân)\\s+${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu') }];
    });

  const out: Suggestion[] = [];
  const usedIds = new Set<string>(input.existing.map((e) => e.id));
  for (const s of sentences(source)) {
    for (const n of numbersIn(s.text)) {
      const before = s.text.slice(0, n.at);
      const after = s.text.slice(n.end);
      const unit = unitAfter(after, n.percent, units);
      const features = vector(contextFeatures(s.text, n.at, n.end), idf);

      // Indicator: nearest curated wording (memory) and the catalogue's label and definition.
      let best: { id: string; score: number; why: string } | null = null;
      const byIndicator = new Map<string, { mem: number; label: number }>();
      for (const m of memoryVectors) {
        const sim = cosine(features, m.v);
        const cur = byIndicator.get(m.indicator) ?? { mem: 0, label: 0 };
        if (sim > cur.mem) byIndicator.set(m.indicator, { ...cur, mem: sim });
      }
      for (const { id, v } of labelVectors) {
        const sim = cosine(features, v);
        const cur = byIndicator.get(id) ?? { mem: 0, label: 0 };
        byIndicator.set(id, { ...cur, label: sim });
      }
      for (const [id, { mem, label }] of byIndicator) {
        const ind = indicatorById.get(id);
        if (!ind) continue;
        const unitOk = unit === '' ? 0 : ind.unit === unit ? 1 : -1;
        if (unitOk < 0) continue; // a figure's unit must be its indicator's
        // Label and definition weigh more than one earlier wording: indicators used by a single
        // report have no memory elsewhere (tuned with npm run bench: 67% → 74% right).
        const score = Math.max(mem, label * 1.5) + 0.25 * Math.min(mem, label) + (unitOk > 0 ? 0.05 : 0);
        if (!best || score > best.score) best = { id, score, why: mem >= label * 1.5 ? 'cách viết giống số liệu đã chọn ở báo cáo trước' : 'khớp tên/định nghĩa chỉ số' };
      }
      const indicator = best ? indicatorById.get(best.id)! : null;
      const indicatorBasis = null;
      const when = periodFor(before, input.report, indicatorBasis);
      const status = statusFor(s.text.slice(0, n.end + 10), input.report);
      const comparator = comparatorFor(before);
      const scopeHit = districts
        .map((d) => ({ id: d.id, m: d.re.exec(before) }))
        .filter((d) => d.m)
        .sort((a, b) => b.m!.index - a.m!.index)[0];
      const scope = scopeHit ? scopeHit.id : input.report.scope;

      const at = s.start + n.at;
      const end = s.start + s.text.length;
      const covered = existing.find((e) => Math.abs(e.value - n.value) < 1e-9 && e.loc.start < end && s.start < e.loc.end);

      let confidence = best ? Math.min(1, best.score) : 0;
      if (!unit) confidence *= 0.6;
      if (n.value === 0) confidence *= 0.8;
      confidence = Math.round(confidence * 100) / 100;

      const baseId = slugify(`${indicator ? indicator.id : 'so-lieu'}${scope !== input.report.scope ? `-${scope}` : ''}`).slice(0, 70).replace(/-+$/, ''); // a cut can end on a separator
      let id = covered?.id ?? baseId;
      if (!covered) {
        for (let k = 2; usedIds.has(id); k++) id = `${baseId}-${k}`;
        usedIds.add(id);
      }
      const reasons = [
        best ? `chỉ số: ${best.why} (điểm ${best.score.toFixed(2)})` : 'chưa đoán được chỉ số',
        unit ? `đơn vị tính "${unit}" in sau số` : 'không thấy đơn vị tính sau số',
        `kỳ: ${when.why}`,
        status.why ? `trạng thái: ${status.why}` : '',
        scopeHit ? `phạm vi: tên cơ quan, đơn vị trong câu` : '',
      ].filter(Boolean);
      out.push({
        id,
        indicator: indicator?.id ?? '',
        scope,
        breakdown: '',
        period: when.period,
        basis: when.basis,
        status: status.status,
        value: n.value,
        denominator: n.denominator,
        unit: unit || indicator?.unit || '',
        comparator,
        section: s.section,
        quote: s.text,
        note: '',
        confidence,
        reason: reasons.join('; '),
        existing: covered?.id ?? '',
        start: s.start,
        end,
        at,
      });
    }
  }
  return out;
}

/** Whether a candidate proposes a curated figure: same value, overlapping place in the source. */
export function proposes(s: Pick<Suggestion, 'value' | 'start' | 'end'>, figure: { value: number; location: { start: number; end: number } }): boolean {
  return Math.abs(s.value - figure.value) < 1e-9 && s.start < figure.location.end && figure.location.start < s.end;
}

// ---- CSV output -----------------------------------------------------------------------------------

function csvCell(v: string): string {
  // A leading =, +, - or @ would run as a formula in spreadsheets.
  const safe = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const plainNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(n));

export function suggestionsCsv(rows: Suggestion[]): string {
  const lines = [SUGGESTION_COLUMNS.join(',')];
  for (const r of rows) {
    const cells: Record<(typeof SUGGESTION_COLUMNS)[number], string> = {
      id: r.id,
      indicator: r.indicator,
      scope: r.scope,
      breakdown: r.breakdown,
      period: r.period,
      basis: r.basis,
      status: r.status,
      value: plainNumber(r.value),
      denominator: r.denominator === null ? '' : plainNumber(r.denominator),
      unit: r.unit,
      comparator: r.comparator,
      section: r.section,
      quote: r.quote,
      note: r.note,
      confidence: r.confidence.toFixed(2),
      reason: r.reason,
      existing: r.existing,
    };
    lines.push(SUGGESTION_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

// ---- Measuring the assistant -----------------------------------------------------------------------

export interface CuratedFigure {
  indicator: string;
  value: number;
  quote: string;
  location: { start: number; end: number };
}

export interface SuggestScore {
  figures: number;
  proposed: number;
  indicatorRight: number;
  candidates: number;
  /** Curated figures no candidate proposes (for tuning). */
  missed: CuratedFigure[];
}

/** Recall (value + quote place) and indicator accuracy of `rows` against a report's curated figures. */
export function scoreSuggestions(rows: Suggestion[], curated: CuratedFigure[]): SuggestScore {
  let proposed = 0;
  let indicatorRight = 0;
  const missed: CuratedFigure[] = [];
  for (const f of curated) {
    const hits = rows.filter((r) => proposes(r, f));
    if (hits.length === 0) {
      missed.push(f);
      continue;
    }
    proposed++;
    // The candidate at the curated quote's number, else the first on that sentence.
    const best = hits.find((h) => h.at >= f.location.start && h.at < f.location.end) ?? hits[0];
    if (best.indicator === f.indicator) indicatorRight++;
  }
  return { figures: curated.length, proposed, indicatorRight, candidates: rows.length, missed };
}

/** Input for one report of validated content; the memory comes from the other reports only when `hideOwn`. */
export function suggestInputFor(content: Content, reportId: string, hideOwn: boolean): SuggestInput {
  const report = content.reports.find((r) => r.meta.id === reportId);
  if (!report) throw new Error(`Không có báo cáo "${reportId}".`);
  const others = content.reports.filter((r) => !hideOwn || r.meta.id !== reportId);
  return {
    report: report.meta,
    sourceText: report.sourceText,
    indicators: content.indicators,
    organizations: content.organizations,
    memory: others.flatMap((r) => r.figures.map((f) => ({ indicator: f.indicator, value: f.value, quote: f.quote }))),
    existing: hideOwn ? [] : report.figures.map((f) => ({ id: f.id, value: f.value, quote: f.quote })),
  };
}

/** Per report: the assistant run with that report's own figures.csv hidden, scored against it. */
export function benchSuggestions(content: Content): { reportId: string; score: SuggestScore }[] {
  return content.reports.map((r) => ({
    reportId: r.meta.id,
    score: scoreSuggestions(suggestFigures(suggestInputFor(content, r.meta.id, true)), r.figures),
  }));
}
