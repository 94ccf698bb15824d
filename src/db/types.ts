/**
 * The database schema as Kysely sees it (docs/data-model.md). Dates are plain `YYYY-MM-DD`
 * strings and int8 are JS numbers on both drivers (connect.ts installs the same type parsers);
 * money columns end in `_ore` and hold integer öre.
 */
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz: written as a Date or ISO string (or left to its default), read as a Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A version counter for optimistic concurrency (409 when stale). */
type Version = ColumnType<number, number | undefined, number>;

export type Role = 'case_officer' | 'assessor' | 'provider' | 'analyst' | 'finance' | 'admin';
export type RunStatus = 'draft' | 'approved' | 'exported';

export interface DistrictTable {
  id: string;
  name: string;
}

export interface ProviderTable {
  id: string;
  name: string;
  regime: 'kommunal' | 'entreprenad' | 'privat';
  org_number: string | null;
  /** In the choice system (valfrihetssystem, FLOW-3): may not decline an offered client. */
  choice_system: ColumnType<boolean, boolean | undefined, boolean>;
  /** A deactivated provider keeps its history but leaves the catalogue and the pickers. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
}

export interface UnitTable {
  id: Generated<number>;
  provider_id: string;
  name: string;
  district_id: string | null;
  services: string[];
  capacity: number | null;
  catalogue: ColumnType<Catalogue, string, string>;
  /** A deactivated unit keeps its placements but leaves the catalogue and the pickers. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
}

/** The provider catalogue profile of FLOW-3 (utförarkatalog). */
export interface Catalogue {
  orientation?: string;
  methods?: string[];
  accessibility?: string;
  transport?: string;
  physicalDesign?: string;
}

/** A provider's proposed catalogue profile, pending until an admin approves it (FLOW-3). */
export interface ProfileChangeTable {
  id: Generated<number>;
  unit_id: number;
  previous: ColumnType<Catalogue, string, string>;
  proposed: ColumnType<Catalogue, string, string>;
  state: ColumnType<'pending' | 'approved' | 'rejected' | 'withdrawn', string | undefined, string>;
  proposed_by: number | null;
  proposed_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reason: string | null;
}

export interface ClientTable {
  id: Generated<number>;
  personnummer: string;
  identity_kind: 'personnummer' | 'samordningsnummer';
  name: string;
  district_id: string;
  protected_identity: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A request to move a client to another district, pending until that district accepts (issue #13 §8). */
export interface ClientMoveTable {
  id: Generated<number>;
  client_id: number;
  from_district_id: string;
  to_district_id: string;
  status: ColumnType<'pending' | 'accepted' | 'rejected' | 'withdrawn', string | undefined, string>;
  requested_by: number | null;
  requested_at: Timestamp;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface DecisionTable {
  id: Generated<number>;
  client_id: number;
  district_id: string;
  service: string;
  from_date: string;
  to_date: string | null;
  hours_per_week: number | null;
  sessions_per_week: number | null;
  decided_on: string;
  version: Version;
  /** The decision this one replaces from its `from_date` (003: participation changes, dated). */
  replaces_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface OrderTable {
  id: Generated<number>;
  decision_id: number;
  unit_id: number;
  ordered_on: string;
  start_date: string;
  created_by: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
}

/** A message to a provider's portal or the assessment office (FLOW-1). */
export interface NotificationTable {
  id: Generated<number>;
  kind: 'order' | 'offer' | 'offer-answer' | 'plan-overdue' | 'switch' | 'placement';
  recipient: 'provider' | 'assessment_office' | 'district';
  provider_id: string | null;
  district_id: string | null;
  client_id: number | null;
  order_id: number | null;
  placement_id: number | null;
  message: string;
  created_on: string;
  created_at: Timestamp;
  read_at: Date | null;
}

/** An offer of a place with its working-day deadlines (FLOW-3, FLOW-4). */
export interface OfferTable {
  id: Generated<number>;
  decision_id: number;
  unit_id: number;
  offered_on: string;
  answer_by: string;
  state: ColumnType<'open' | 'accepted' | 'declined' | 'withdrawn', string | undefined, string>;
  answered_on: string | null;
  start_by: string | null;
  order_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  version: Version;
  /** The running placement the client switches from when accepting (FLOW-4). */
  switch_from: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A registration on a full unit's waiting list, served in order of registration (FLOW-4). */
export interface WaitingListTable {
  id: Generated<number>;
  decision_id: number;
  unit_id: number;
  registered_on: string;
  registered_at: Timestamp;
  state: ColumnType<'waiting' | 'offered' | 'removed', string | undefined, string>;
  created_by: number | null;
}

/** A placement's implementation plan, due 15 days after the start (FLOW-2). */
export interface ImplementationPlanTable {
  placement_id: number;
  due_date: string;
  done_on: string | null;
  participants: ColumnType<string[], string[] | undefined, string[]>;
  recorded_by: number | null;
  version: Version;
}

export interface PlacementTable {
  id: Generated<number>;
  client_id: number;
  unit_id: number;
  provider_id: string;
  decision_id: number | null;
  service: string;
  regime: 'kommunal' | 'entreprenad' | 'privat';
  start_date: string;
  end_date: string | null;
  notice_date: string | null;
  no_show: ColumnType<boolean, boolean | undefined, boolean>;
  /** The order the placement was made from (FLOW-1); null only for imported placements. */
  order_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LevelEntryTable {
  id: Generated<number>;
  placement_id: number;
  from_date: string;
  points: number | null;
  level: string | null;
  kind: 'preliminary' | 'final';
  assessed_on: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ParticipationTable {
  id: Generated<number>;
  placement_id: number;
  from_date: string;
  hours_per_week: number | null;
  sessions_per_week: number | null;
  decided_by: number | null;
  created_at: Timestamp;
}

export interface AbsenceTable {
  id: Generated<number>;
  placement_id: number;
  from_date: string;
  to_date: string;
  note: string;
  reported_by: number | null;
  created_at: Timestamp;
}

export interface EveningHoursTable {
  id: Generated<number>;
  placement_id: number;
  date: string;
  hours: number;
  reported_by: number | null;
  created_at: Timestamp;
}

export interface CourseSessionTable {
  id: Generated<number>;
  placement_id: number;
  date: string;
  reported_by: number | null;
  created_at: Timestamp;
}

/** SVC-4: a transition-to-work period decided by the case officer (at most the model's months). */
export interface TransitionToWorkTable {
  id: Generated<number>;
  placement_id: number;
  from_date: string;
  to_date: string;
  reason: string;
  decided_by: number | null;
  created_at: Timestamp;
}

/** A provider's visit to the client's workplace during a transition to work (SVC-4). */
export interface WorkplaceVisitTable {
  id: Generated<number>;
  transition_id: number;
  placement_id: number;
  visited_on: string;
  note: Generated<string>;
  recorded_by: number | null;
  created_at: Timestamp;
}

export interface IndividualRateTable {
  id: Generated<number>;
  placement_id: number;
  from_date: string;
  to_date: string | null;
  amount_ore: number;
  reason: string;
  decided_by: number | null;
  created_at: Timestamp;
}

export interface RateModelTable {
  id: string;
  version: number;
  sha256: string;
  file: string;
  status: string;
  valid_from: string;
  valid_to: string | null;
  content: ColumnType<unknown, string, string>;
  loaded_at: Timestamp;
}

export interface SettlementRunTable {
  id: Generated<number>;
  month: string;
  scope_district_id: string | null;
  scope_provider_id: string | null;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  total_ore: number;
  line_count: number;
  models: ColumnType<string[], string[], string[]>;
  created_by: number | null;
  created_at: Timestamp;
  approved_by: number | null;
  approved_at: Timestamp | null;
  exported_at: Timestamp | null;
  version: Version;
  /** Hash of the approved earlier runs this run was computed against (PAY-9). */
  based_on: ColumnType<string, string | undefined, string>;
}

export interface SettlementLineTable {
  id: Generated<number>;
  run_id: number;
  placement_id: number;
  client_id: number;
  provider_id: string;
  unit_id: number;
  district_id: string;
  service: string;
  regime: string;
  kind: string;
  from_date: string;
  to_date: string;
  quantity: number;
  unit: string;
  rate_ore: number;
  amount_ore: number;
  level: string | null;
  rules: string[];
  corrects_month: string | null;
  /** Lines stored before issue #15 §2: their explanation as JSON; null on compact lines. */
  explanation: ColumnType<unknown, string | null | undefined, string | null>;
  /** Compact lines (issue #15 §2): the figures the explanation is derived from on read. */
  days: number | null;
  days_in_month: number | null;
  basis: string | null;
  participation_interval: string | null;
  paid_as_regime: string | null;
  model: string | null;
  rate_source: string | null;
  level_source: string | null;
  illustrative: Generated<boolean>;
  corrected_kind: string | null;
  recomputed_ore: number | null;
  previously_paid_ore: number | null;
}

/** A failed job's error as stored: a fixed id, a message, and the field when the input was wrong. */
export interface JobError {
  id: string;
  message: string;
  field?: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', string | undefined, string>;
  progress: ColumnType<number, number | undefined, number>;
  params: ColumnType<unknown, string, string>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  /** A failed job's structured error (contract/jobs.ts). */
  error: ColumnType<JobError | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  name: string;
  role: Role;
  district_id: string | null;
  provider_id: string | null;
  password_hash: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_ids: ColumnType<number[], number[] | undefined, number[]>;
  details: ColumnType<unknown, string | undefined, string>;
}

export interface PopulationTable {
  id: Generated<number>;
  name: string;
  persons: number;
  created_by: number | null;
  created_at: Timestamp;
}

export interface PopulationPersonTable {
  population_id: number;
  line: number;
  person_id: string;
  district: string;
  provider_id: string;
  service: string;
  regime: string;
  points: number;
  hours_per_week: number | null;
}

export type AssessmentKind = 'preliminary' | 'final' | 'reassessment' | 'measurement';
export type AssessmentState = 'open' | 'scoring' | 'reconciliation' | 'decided' | 'cancelled';

/** An assessment case (issue #10, ASMT-2..ASMT-5): kind, due date, state and the agreed result. */
export interface AssessmentCaseTable {
  id: Generated<number>;
  placement_id: number;
  client_id: number;
  service: string;
  kind: AssessmentKind;
  state: ColumnType<AssessmentState, AssessmentState | undefined, AssessmentState>;
  opened_on: string;
  due_date: string;
  reason: string | null;
  raised_by: number | null;
  instrument_id: string | null;
  assessed_on: string | null;
  agreed_grades: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  agreed_points: number | null;
  agreed_level: string | null;
  model_id: string | null;
  effective_from: string | null;
  effect_rules: ColumnType<string[], string[] | undefined, string[]>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  level_entry_id: number | null;
  version: Version;
  created_by: number | null;
  created_at: Timestamp;
  /** The start-up measurement campaign that created the case (ASMT-6), if any. */
  campaign: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One assessor's own scoring of a case (ASMT-3), kept after the agreement. */
export interface AssessmentScoringTable {
  case_id: number;
  assessor_id: number;
  instrument_id: string;
  grades: ColumnType<Record<string, number>, string, string>;
  total: number;
  submitted_at: Timestamp;
}

/** A placement a run could not pay, and why (issue #9 §2; the domain's FactProblem). */
export interface SettlementRefusalTable {
  run_id: number;
  placement_id: number;
  /** The problem's fixed id, e.g. `hours-missing`. */
  problem_id: string;
  field: string;
  message: string;
  rules: ColumnType<string[], string[] | undefined, string[]>;
  action: string;
}

/** The facts hash of each placement a run settled (issue #9 §8: corrections in bounded time). */
export interface SettlementRunFactsTable {
  run_id: number;
  placement_id: number;
  facts_hash: string;
}

/** The unit's answers to the questionnaire before the interview (ASMT-3). */
export interface AssessmentQuestionnaireTable {
  case_id: number;
  instrument_id: string;
  answers: ColumnType<Record<string, string>, string, string>;
  note: ColumnType<string, string | undefined, string>;
  answered_by: number | null;
  answered_at: Timestamp;
  version: Version;
}

/** A row of the finance chart of accounts (issue #12 §3): expense per service and regime, payable per regime. */
export interface FinanceAccountTable {
  kind: 'expense' | 'payable';
  service: string;
  regime: 'kommunal' | 'entreprenad' | 'privat';
  account: string;
  name: string;
}

/** A gapless number sequence (export numbers, voucher numbers per series). */
export interface FinanceSequenceTable {
  name: string;
  last_value: number;
}

/** The one finance export of a run: numbers, chart used, both files and their hashes (immutable). */
export interface FinanceExportTable {
  run_id: number;
  export_number: number;
  series: string;
  first_voucher: number;
  voucher_count: number;
  exported_on: string;
  chart: ColumnType<unknown, string, never>;
  total_ore: number;
  sie: ColumnType<Uint8Array, Uint8Array, never>;
  sie_sha256: string;
  sie_checksum: number;
  csv: ColumnType<Uint8Array, Uint8Array, never>;
  csv_sha256: string;
  created_by: number | null;
  created_at: Timestamp;
}

/** A reconciliation snapshot (ALLOC-2, issue #12 §1); immutable once taken. */
export interface ReconciliationTable {
  id: Generated<number>;
  kind: 'march' | 'august' | 'draft';
  taken_on: string;
  year: number;
  previous_id: number | null;
  covered_days: number;
  year_days: number;
  persons: number;
  allocation_ore: number;
  models: ColumnType<string[], string[], never>;
  created_by: number | null;
  created_at: Timestamp;
}

/** One client's service in a reconciliation snapshot: district, level, model and schablon. */
export interface ReconciliationEntryTable {
  reconciliation_id: number;
  client_id: number;
  placement_id: number;
  district_id: string;
  service: string;
  level: string;
  level_kind: 'preliminary' | 'final' | null;
  level_rank: number;
  model_id: string | null;
  schablon_ore: number | null;
}

/** A district's travel costs for a month (FLOW-6), outside the rates. */
export interface TravelCostTable {
  id: Generated<number>;
  district_id: string;
  month: string;
  amount_ore: number;
  note: ColumnType<string, string | undefined, string>;
  /** The client the journeys were for (FLOW-6); null on rows recorded before it was asked. */
  client_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_by: number | null;
  created_at: Timestamp;
}

/** A proposed price-year uplift (RATE-1) and its four-eyes decision; immutable once decided. */
export interface ModelUpliftTable {
  id: Generated<number>;
  from_model: string;
  model_id: string;
  valid_from: string;
  price_year: number;
  uplift_percent: ColumnType<string, number | string, never>;
  rounding: 'krona' | 'ore';
  source: string;
  content: ColumnType<unknown, string, never>;
  status: ColumnType<'proposed' | 'approved' | 'rejected', undefined, 'approved' | 'rejected'>;
  proposed_by: number;
  proposed_at: Timestamp;
  decided_by: ColumnType<number | null, undefined, number>;
  decided_at: ColumnType<Date | null, undefined, Date | string>;
}

/** An application for an individual rate (LVL-6) or special accounting (LVL-7), and its decision. */
export interface RateApplicationTable {
  id: Generated<number>;
  placement_id: number;
  client_id: number;
  kind: 'individual-rate' | 'special-accounting';
  criteria: ColumnType<Record<string, string>, string, string>;
  staff_hours_per_year: number;
  hourly_cost_ore: number;
  other_costs_ore: number;
  annual_cost_ore: number;
  points: number | null;
  orderer_provider_agreed: boolean;
  state: ColumnType<
    'submitted' | 'granted' | 'refused',
    'submitted' | 'granted' | 'refused' | undefined,
    'submitted' | 'granted' | 'refused'
  >;
  amount_ore: number | null;
  from_date: string | null;
  to_date: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  individual_rate_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  version: Version;
}

/** Every table, as Kysely's database type. */
export interface DB {
  districts: DistrictTable;
  providers: ProviderTable;
  units: UnitTable;
  profile_changes: ProfileChangeTable;
  clients: ClientTable;
  client_moves: ClientMoveTable;
  decisions: DecisionTable;
  orders: OrderTable;
  notifications: NotificationTable;
  offers: OfferTable;
  waiting_list: WaitingListTable;
  implementation_plans: ImplementationPlanTable;
  placements: PlacementTable;
  level_entries: LevelEntryTable;
  participation: ParticipationTable;
  absences: AbsenceTable;
  evening_hours: EveningHoursTable;
  course_sessions: CourseSessionTable;
  individual_rates: IndividualRateTable;
  transition_to_work: TransitionToWorkTable;
  workplace_visits: WorkplaceVisitTable;
  rate_models: RateModelTable;
  settlement_runs: SettlementRunTable;
  settlement_lines: SettlementLineTable;
  settlement_refusals: SettlementRefusalTable;
  settlement_run_facts: SettlementRunFactsTable;
  jobs: JobTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  populations: PopulationTable;
  population_persons: PopulationPersonTable;
  assessment_cases: AssessmentCaseTable;
  assessment_scorings: AssessmentScoringTable;
  assessment_questionnaires: AssessmentQuestionnaireTable;
  rate_applications: RateApplicationTable;
  finance_accounts: FinanceAccountTable;
  finance_sequences: FinanceSequenceTable;
  finance_exports: FinanceExportTable;
  reconciliations: ReconciliationTable;
  reconciliation_entries: ReconciliationEntryTable;
  travel_costs: TravelCostTable;
  model_uplifts: ModelUpliftTable;
}
