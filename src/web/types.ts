/**
 * The shapes the web app reads from the API (docs/api.md). Amounts are kronor exact to the öre,
 * dates `YYYY-MM-DD`, months `YYYY-MM`. Fields the plan leaves open are optional so the pages
 * degrade gracefully instead of breaking.
 */

/** The five roles of docs/api.md. */
export type Role = 'case_officer' | 'assessor' | 'provider' | 'analyst' | 'admin';

/** The signed-in person. */
export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  districtId?: string | null;
  providerId?: string | null;
}

/** `/api/auth/me` and the sign-in answer. */
export interface Session {
  user: User;
  csrfToken: string;
}

/** One thing on the start page this person must act on. */
export interface DashboardItem {
  kind: string;
  count: number;
  label: string;
  href?: string | null;
}

/** A district (stadsdelsnämnd). */
export interface District {
  id: string;
  name: string;
}

/** A provider's unit (enhet). */
export interface Unit {
  id: string;
  name: string;
  services?: string[];
  catalogue?: unknown;
}

/** A provider (utförare). */
export interface Provider {
  id: string;
  name: string;
  regime?: string;
  units?: Unit[];
}

/** A rate model as listed. */
export interface ModelSummary {
  id: string;
  title: string;
  status?: string;
  validFrom: string;
  validTo: string | null;
  services: string[];
  warnings?: string[];
}

/** One figure with its source (RATE-1, PAY-10). */
export interface Figure {
  amount?: number;
  ore?: number;
  source?: string;
  illustrative?: boolean;
  derived?: string;
}

/** A level in a model. */
export interface ModelLevel {
  id: string;
  label?: string;
  points?: { min: number; max: number | null } | null;
  hoursPerMonth?: { min: number; max: number | null } | null;
  annualStandardAmount?: Figure | number | null;
  rates?: Record<string, Figure | number>;
}

/** A service in a model. */
export interface ModelService {
  id?: string;
  title?: string;
  unit?: string;
  source?: string;
  regimes?: string[];
  levels?: ModelLevel[];
  flatRates?: Record<string, Figure | number> | null;
  premisesAllowance?: { unit?: string; rates?: Record<string, Figure | number> } | null;
  illustrative?: boolean;
}

/** A whole model. */
export interface ModelDetail extends Omit<ModelSummary, 'services'> {
  source?: string;
  priceYear?: number;
  services: ModelService[] | Record<string, ModelService> | string[];
}

/** A client as found by search. */
export interface ClientSummary {
  id: string;
  name: string;
  personnummerMasked?: string;
  districtId?: string;
  protected?: boolean;
}

/** A level entry on a placement. */
export interface LevelEntry {
  from: string;
  points?: number | null;
  level?: string | null;
  kind?: string;
  assessedOn?: string | null;
}

/** A placement (the granted service at one unit). */
export interface Placement {
  id: string;
  clientId?: string;
  clientName?: string;
  providerId?: string;
  providerName?: string | null;
  unitId?: string;
  unitName?: string | null;
  districtId?: string;
  personnummerMasked?: string;
  currentLevel?: { points: number | null; level: string | null; kind: string } | null;
  service: string;
  regime?: string;
  start: string;
  end?: string | null;
  noticeDate?: string | null;
  noShow?: boolean;
  levels?: LevelEntry[];
  absences?: { from: string; to: string; note?: string }[];
  version?: number;
}

/** A payment to a provider for one client and month. */
export interface Payment {
  month?: string;
  runId?: string;
  placementId?: string;
  amount?: number;
  total?: number;
  status?: string;
}

/** A client with everything the record holds (ASMT-9). */
export interface ClientDetail extends ClientSummary {
  version?: number;
  placements?: Placement[];
  levelHistory?: (LevelEntry & { placementId?: string; service?: string })[];
  payments?: Payment[];
}

/** A total per provider or district in a run. */
export interface RunTotal {
  providerId?: string;
  districtId?: string;
  district?: string;
  name?: string;
  total: number;
}

/** A settlement run. */
export interface SettlementRun {
  id: string;
  month: string;
  status: string;
  total: number;
  createdAt?: string;
  approvedAt?: string | null;
  scope?: { districtId?: string | null; providerId?: string | null } | null;
  progress?: number | null;
  providers?: RunTotal[];
  districts?: RunTotal[];
  byProvider?: RunTotal[];
  byDistrict?: RunTotal[];
  corrections?: { lines: number; total: number } | null;
  lineCount?: number;
  models?: string[];
}

/** One settlement line (contract.md `settle` lines, plus explanation). */
export interface SettlementLine {
  id?: string;
  placementId: string;
  clientId?: string;
  clientName?: string;
  providerId?: string;
  service?: string;
  regime?: string;
  kind: string;
  from: string;
  to: string;
  quantity: number;
  unit: string;
  rate: number;
  amount: number;
  level?: string | null;
  rules?: string[];
  corrects?: string | null;
  correctsMonth?: string | null;
  correctedKind?: string | null;
  recomputed?: number | null;
  previouslyPaid?: number | null;
  model?: string | null;
  illustrative?: boolean;
  sources?: Record<string, string | null> | string[] | null;
  unitName?: string | null;
  personnummerMasked?: string | null;
  explanation?: unknown;
}

/** A provider specification (`/specification/:providerId.json`). */
export interface Specification {
  run: { id: string; month: string; status: string };
  provider: { id: string; name: string; regime: string };
  total: number;
  lines: SettlementLine[];
}

/** A background job (`/api/jobs/:id`), e.g. a settlement run started with `async=true`. */
export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: { runId?: string | number } | null;
  error: string | null;
}

/** compare result (contract.md). */
export interface CompareSide {
  total: number;
  byLevel: { service: string; level: string; persons: number; cost: number; amount?: number }[];
}

/** compare result (contract.md). */
export interface CompareResult {
  baseline: CompareSide;
  proposal: CompareSide;
  difference: { amount: number; percent: number };
  neutralFactor: number | null;
  byDistrict: { district: string; baseline: number; proposal: number; difference: number }[];
  byProvider: {
    providerId?: string;
    provider?: string;
    baseline: number;
    proposal: number;
    difference: number;
  }[];
  levelChanges?: {
    service?: string;
    from: string;
    to: string;
    persons: number;
    baseline?: number;
    proposal?: number;
  }[];
  personsChangingLevel?: number;
  population?: { origin: string; persons: number };
  warnings: string[];
}
