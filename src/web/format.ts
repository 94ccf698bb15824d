/**
 * Swedish formats for everything a user reads in the web app: `1 234 kr`, `2024-03-01`, `mars 2024`,
 * `2,4 %`. Digits are grouped with a no-break space (U+00A0) so an amount never wraps mid-number;
 * negative numbers use a hyphen-minus so they read and copy the same everywhere.
 */

const NBSP = '\u00a0';
const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const withOre = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const tidy = (s: string) => s.replace(/[\u00a0\u202f ]/g, NBSP).replace(/\u2212/g, '-');

/** Kronor (API amounts are kronor exact to the öre) → `1 234 kr`, `1 234,50 kr` when öre remain. */
export function formatKr(kronor: number | null | undefined): string {
  if (kronor === null || kronor === undefined || Number.isNaN(kronor)) return '–';
  const ore = Math.round(kronor * 100);
  const text = ore % 100 === 0 ? whole.format(ore / 100) : withOre.format(ore / 100);
  return tidy(text) + NBSP + 'kr';
}

/** A signed difference: `+1 234 kr`, `-56 kr`, `0 kr`; used where gains and losses are compared. */
export function formatKrSigned(kronor: number): string {
  const text = formatKr(kronor);
  return kronor > 0 ? '+' + text : text;
}

/** Millions of kronor with one decimal, like 002 Tabell 3: `1 949,3 Mkr`. */
export function formatMkr(kronor: number): string {
  const mkr = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return tidy(mkr.format(kronor / 1_000_000)) + NBSP + 'Mkr';
}

/** A plain number the Swedish way: `1 688`, `0,63`. */
export function formatNumber(n: number, maximumFractionDigits = 2): string {
  return tidy(new Intl.NumberFormat('sv-SE', { maximumFractionDigits }).format(n));
}

/** A percentage given as a percent number: `2.4` → `2,4 %`. */
export function formatPercent(percent: number, maximumFractionDigits = 2): string {
  return formatNumber(percent, maximumFractionDigits) + NBSP + '%';
}

/** ISO dates stay ISO (`2024-03-01` is the Swedish standard form); timestamps are cut to the date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}

/** A date range, `2024-03-01 – 2024-03-31`, open end as `2024-03-01 –`. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  return `${formatDate(from)} –${to ? ' ' + formatDate(to) : ''}`;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2024-03` → `mars 2024` for headings; the ISO month stays in tables and exports. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : month;
}

/** True for a strict `YYYY-MM-DD` that exists in the calendar (2023-02-29 is false). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for a strict `YYYY-MM`. */
export function isIsoMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** Swedish names of the regimes (SVC-2), for tables and explanations. */
export const REGIME_LABELS: Record<string, string> = {
  kommunal: 'kommunal regi',
  entreprenad: 'entreprenad',
  privat: 'privat regi',
};

/** Swedish names of the services (domain.md §2). */
export const SERVICE_LABELS: Record<string, string> = {
  'lss-servicebostad': 'Servicebostad (LSS)',
  'lss-gruppbostad': 'Gruppbostad (LSS)',
  'lss-barnboende': 'Bostad för barn (LSS)',
  'lss-daglig-verksamhet': 'Daglig verksamhet (LSS)',
  'sp-boende': 'Boende med särskild service (SoL)',
  'sp-stodboende': 'Stödboende (SoL)',
  'sp-boendestod': 'Boendestöd (SoL)',
  'sp-sysselsattning': 'Sysselsättning (SoL)',
  'sp-cirkel': 'Cirkelverksamhet (SoL)',
};

/** Swedish names of the units a rate is paid per. */
export const UNIT_LABELS: Record<string, string> = {
  dygn: 'dygn',
  day: 'dag',
  month: 'månad',
  session: 'pass',
  'course-session': 'kurstillfälle',
  hour: 'timme',
  weekday: 'vardag',
  correction: 'rättelse',
};

/** Label lookups that fall back to the id, so new services still show something readable. */
export const serviceLabel = (id: string): string => SERVICE_LABELS[id] ?? id;
/** See {@link serviceLabel}. */
export const regimeLabel = (id: string): string => REGIME_LABELS[id] ?? id;
/** See {@link serviceLabel}. */
export const unitLabel = (id: string): string => UNIT_LABELS[id] ?? id;

/** A level id as users say it: `"grundpeng"` → `Grundpeng`, `"2"` → `Nivå 2`. */
export function levelLabel(level: string | null | undefined): string {
  if (level === null || level === undefined || level === '') return 'utan nivå';
  if (level === 'grundpeng') return 'Grundpeng';
  return /^\d+$/.test(level) ? `Nivå ${level}` : level;
}
