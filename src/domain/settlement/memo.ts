/**
 * Lines settled once, copied for every placement of the month settled alike (issue #15 §5). Most
 * placements of a month are plain: one level entry, no hours, sessions, individual rate,
 * transition, evening hours or course sessions, and neither notice nor no-show within the month.
 * The lines of such a placement follow from its service, regime, level entry and the days of the
 * month paid in full and as idle place (PAY-1..PAY-5), nothing else: so the first placement of
 * each such kind is settled by the engine and the others get a copy of its lines (the same
 * figures, texts and rounding; only the owner differs). Anything else, and any placement with a
 * problem, is settled in full. Points count only by the level they classify as (LVL-1) when the
 * days paid in full lie in one model period, so a hundred point values make a handful of kinds.
 * Kept in typed arrays (an open-addressing table and the lines, 48 bytes each), so a look-up
 * touches a cache line or two and no string is made per placement.
 */
import type { LineStore } from './columns.js';
import type { PreparedPlacement } from './prepare.js';
import type { Resolver } from './resolve.js';

/**
 * Level codes: no entry, points 0-1 023 (1 + points), a level id (LEVEL_TEXT + its number), neither.
 * A level id classified from points is told apart from one given by a bit of the kind (F_POINTS).
 */
const NO_ENTRY = 0;
const LEVEL_TEXT = 1025;
const NEITHER = 4095;
/** A stretch of the month that is not paid, as a date code (days are 0-30 from the 1st). */
const UNPAID = 1023;
/** At most this many lines are kept per kind of placement (more: settled in full each time). */
const MAX_LINES = 31;
/** Table slots: kind + 1 (0 = empty), days, first line, line count. */
const SLOT = 4;
/** Kept lines: what it says, from, to, quantity, rate, amount. */
const LINE = 6;

/** A regime's code (0-2), or -1 for a value outside SVC-2 (then settled in full). */
const regimeCode = (regime: string): number =>
  regime === 'kommunal' ? 0 : regime === 'entreprenad' ? 1 : regime === 'privat' ? 2 : -1;

/** Where the lines of each kind of plain placement are, for one month's store. */
export class LineMemo {
  private readonly services = new Map<string, number>();
  private readonly levelIds = new Map<string, number>();
  private table = new Int32Array(SLOT * 1024);
  private used = 0;
  private lines = new Float64Array(LINE * 1024);
  private kept = 0;
  /** The kind and days of the placement {@link find} did not find (kind -1: not plain). */
  private kind = -1;
  private days = 0;

  /** `r`: the month's look-ups, to classify points (LVL-1). */
  constructor(private readonly r: Resolver) {}

  /**
   * The slot of a placement settled alike earlier (for {@link copy}), or -1: then the placement
   * is settled in full, and {@link keep} keeps its lines if it is plain. `[a, b]`: the days paid
   * in full this month, `[ia, ib]`: as idle place (a stretch is empty when its end is before its
   * start); `first`: the month's first day.
   */
  find(p: PreparedPlacement, a: number, b: number, ia: number, ib: number, first: number): number {
    const kind = this.kindOf(p, a, b);
    this.kind = kind;
    if (kind < 0) return -1;
    const days =
      (a <= b ? (a - first) * 32 + (b - first) : UNPAID) * 1024 +
      (ia <= ib ? (ia - first) * 32 + (ib - first) : UNPAID);
    this.days = days;
    const t = this.table;
    const mask = t.length / SLOT - 1;
    for (let i = hash(kind, days) & mask; ; i = (i + 1) & mask) {
      const k = t[i * SLOT]!;
      if (k === 0) return -1;
      if (k === kind + 1 && t[i * SLOT + 1] === days) return i;
    }
  }

  /** Appends, for `owner`, a copy of the lines of the placement at `slot` (from {@link find}). */
  copy(out: LineStore, slot: number, owner: number): void {
    const t = this.table;
    const kept = this.lines;
    const start = t[slot * SLOT + 2]!;
    const end = start + t[slot * SLOT + 3]! * LINE;
    for (let j = start; j < end; j += LINE)
      out.add(owner, kept[j]!, kept[j + 1]!, kept[j + 2]!, kept[j + 3]!, kept[j + 4]!, kept[j + 5]!);
  }

  /** Keeps lines `from`..`out.length` - 1 of the placement {@link find} did not find, if plain. */
  keep(out: LineStore, from: number): void {
    const count = out.length - from;
    if (this.kind < 0 || count < 1 || count > MAX_LINES) return;
    if ((this.used + 1) * 2 > this.table.length / SLOT) this.rehash();
    if ((this.kept + count) * LINE > this.lines.length) {
      const more = new Float64Array(this.lines.length * 2);
      more.set(this.lines);
      this.lines = more;
    }
    const kept = this.lines;
    const start = this.kept * LINE;
    for (let i = from, j = start; i < out.length; i++, j += LINE) {
      kept[j] = out.says[i]!;
      kept[j + 1] = out.from[i]!;
      kept[j + 2] = out.to[i]!;
      kept[j + 3] = out.quantity[i]!;
      kept[j + 4] = out.rate[i]!;
      kept[j + 5] = out.amount[i]!;
    }
    this.kept += count;
    this.put(this.table, this.kind, this.days, start, count);
    this.used++;
    this.kind = -1;
  }

  private put(t: Int32Array, kind: number, days: number, start: number, count: number): void {
    const mask = t.length / SLOT - 1;
    let i = hash(kind, days) & mask;
    while (t[i * SLOT] !== 0) i = (i + 1) & mask;
    t[i * SLOT] = kind + 1;
    t[i * SLOT + 1] = days;
    t[i * SLOT + 2] = start;
    t[i * SLOT + 3] = count;
  }

  private rehash(): void {
    const old = this.table;
    const t = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += SLOT)
      if (old[i] !== 0) this.put(t, old[i]! - 1, old[i + 1]!, old[i + 2]!, old[i + 3]!);
    this.table = t;
  }

  /** The kind of a plain placement (service, regime, level entry) as a number below 2^22, or -1. */
  private kindOf(p: PreparedPlacement, a: number, b: number): number {
    if (
      p.levels.length > 1 ||
      p.hours.length > 0 ||
      p.sessions.length > 0 ||
      p.individual.length > 0 ||
      p.transition.length > 0 ||
      p.evening.length > 0 ||
      p.course.length > 0
    )
      return -1;
    const regime = regimeCode(p.regime);
    if (regime < 0) return -1;
    const entry = p.levels.length === 0 ? undefined : p.levels[0];
    // Paid in full this month: no notice or no-show rule within it (PAY-6, PAY-7), and the level
    // entry holds from its first day (else a level is missing: a problem, settled in full).
    if (a <= b && (p.noticeFrom <= b || p.noShowTo >= a || (entry !== undefined && entry.from > a)))
      return -1;
    let level = NO_ENTRY;
    let classified = 0;
    if (entry !== undefined) {
      const points = entry.points;
      if (points !== null) {
        if (!Number.isInteger(points) || points < 0 || points >= LEVEL_TEXT - 1) return -1;
        // Days paid in full within one model period are paid at the level the points classify as
        // there (LVL-1; idle days at the lowest level, PAY-5). prepareLevels has checked the
        // points against that model, so the classification is known.
        const dp = a <= b ? this.r.periodAt(p.service, a) : null;
        if (dp !== null && dp.to >= b && dp.period.service.levels.length > 0) {
          level = this.levelCode(this.r.classifyIn(dp, points));
          classified = 1;
        } else level = 1 + points;
      } else if (entry.level !== null) level = this.levelCode(entry.level);
      else level = NEITHER;
      if (level < 0) return -1;
    }
    let service = this.services.get(p.service);
    if (service === undefined) this.services.set(p.service, (service = this.services.size));
    if (service >= 64) return -1;
    return (((service * 3 + regime) * 2 + (entry?.final ? 1 : 0)) * 2 + classified) * 4096 + level;
  }

  /** The code of a level id (LEVEL_TEXT + its number), or -1 when there are too many. */
  private levelCode(id: string): number {
    let n = this.levelIds.get(id);
    if (n === undefined) this.levelIds.set(id, (n = this.levelIds.size));
    return LEVEL_TEXT + n >= NEITHER ? -1 : LEVEL_TEXT + n;
  }
}

/**
 * Mixes a kind and its days into a table index (before the mask): a signed 32-bit integer, so
 * it is returned unboxed (`>>> 0` above 2^31 would allocate a number per call).
 */
function hash(kind: number, days: number): number {
  const h = Math.imul(kind, 0x9e3779b1) ^ Math.imul(days, 0x85ebca6b);
  return h ^ (h >>> 15);
}
