/**
 * Matching (*förmedling*, FLOW-3, FLOW-4): units ranked by how they meet the decided service and
 * the client's wishes, from the provider catalogue (orientation, methods, accessibility, public
 * transport) and the vacancies. Pure: the caller passes the units with their occupancy.
 */

/** A unit as matching sees it. */
export interface MatchUnit {
  id: number;
  name: string;
  providerId: string;
  districtId: string | null;
  services: readonly string[];
  capacity: number | null;
  /** Placements running on the day of the match. */
  occupied: number;
  /** Registrations waiting for this unit (FLOW-4). */
  waiting: number;
  catalogue: {
    orientation?: string;
    methods?: readonly string[];
    accessibility?: string;
    transport?: string;
  };
}

/** What the client needs and wishes. */
export interface MatchWishes {
  service: string;
  /** The client's district (housing support: providers active there only, FLOW-4). */
  clientDistrictId: string;
  districtId?: string | undefined;
  orientation?: string | undefined;
  methods?: readonly string[] | undefined;
  wheelchair?: boolean | undefined;
  unitIds?: readonly number[] | undefined;
}

/** One ranked unit with its score and the reasons for it (Swedish, with rule ids). */
export interface Match {
  unitId: number;
  name: string;
  providerId: string;
  districtId: string | null;
  eligible: boolean;
  vacancies: number | null;
  full: boolean;
  waiting: number;
  score: number;
  reasons: string[];
}

/** Housing support is bought only from providers active in the client's district (FLOW-4, 004). */
export const DISTRICT_BOUND_SERVICES: ReadonlySet<string> = new Set(['sp-boendestod']);

/** Services a client has one of at a time (FLOW-4: one occupation); another is a switch. */
export const ONE_AT_A_TIME_SERVICES: ReadonlySet<string> = new Set(['sp-sysselsattning']);

/** Free places: capacity less placements running (null when the unit states no capacity). */
export function vacancies(u: Pick<MatchUnit, 'capacity' | 'occupied'>): number | null {
  return u.capacity === null ? null : Math.max(0, u.capacity - u.occupied);
}

/** The providers active in a district for a service: those with a unit there offering it (FLOW-4). */
export function providersActiveIn(
  units: readonly MatchUnit[],
  districtId: string,
  service: string,
): Set<string> {
  return new Set(
    units.filter((u) => u.districtId === districtId && u.services.includes(service)).map((u) => u.providerId),
  );
}

/** Scores one unit offering the service against the wishes. */
function scoreUnit(u: MatchUnit, w: MatchWishes, active: Set<string> | null): Match {
  const reasons: string[] = [];
  let score = 0;
  let eligible = true;
  if (active && !active.has(u.providerId)) {
    eligible = false;
    reasons.push('Utföraren är inte verksam i den enskildes stadsdel (FLOW-4)');
  }
  const free = vacancies(u);
  const full = free !== null && free <= 0;
  if (full)
    reasons.push(u.waiting > 0 ? `Fullt, ${u.waiting} i kö (FLOW-4)` : 'Fullt: anmälan till kö (FLOW-4)');
  else reasons.push(free === null ? 'Platsantal ej angivet' : `${free} lediga platser`);
  if (w.unitIds?.includes(u.id)) {
    score += 5;
    reasons.push('Önskad enhet');
  }
  if (w.districtId && u.districtId === w.districtId) {
    score += 3;
    reasons.push('I önskad stadsdel');
  }
  if (w.orientation && u.catalogue.orientation === w.orientation) {
    score += 2;
    reasons.push(`Inriktning: ${w.orientation}`);
  }
  for (const m of w.methods ?? [])
    if (u.catalogue.methods?.includes(m)) {
      score += 1;
      reasons.push(`Metod: ${m}`);
    }
  if (w.wheelchair) {
    const ok =
      /rullstol/i.test(u.catalogue.accessibility ?? '') &&
      !/ingen hiss|trappor/i.test(u.catalogue.accessibility ?? '');
    if (ok) {
      score += 2;
      reasons.push('Tillgänglig för rullstol');
    } else reasons.push('Inte tillgänglig för rullstol');
  }
  return {
    unitId: u.id,
    name: u.name,
    providerId: u.providerId,
    districtId: u.districtId,
    eligible,
    vacancies: free,
    full,
    waiting: u.waiting,
    score,
    reasons,
  };
}

/**
 * Units offering the decided service, best first: eligible before not, with a vacancy before
 * full, then by score, then by id (FLOW-3). Units not offering the service are left out.
 */
export function rankUnits(units: readonly MatchUnit[], w: MatchWishes): Match[] {
  const active = DISTRICT_BOUND_SERVICES.has(w.service)
    ? providersActiveIn(units, w.clientDistrictId, w.service)
    : null;
  return units
    .filter((u) => u.services.includes(w.service))
    .map((u) => scoreUnit(u, w, active))
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        Number(a.full) - Number(b.full) ||
        b.score - a.score ||
        a.unitId - b.unitId,
    );
}
