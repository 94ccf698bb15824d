/** Placements as JSON for lists and detail (client identity masked per issue #5 §4). */
import type { SessionUser } from '../../auth/sessions.js';
import { clientIdentity } from '../../present.js';

/** The columns a placement view needs. */
export interface PlacementRow {
  id: number;
  client_id: number;
  unit_id: number;
  provider_id: string;
  service: string;
  regime: string;
  start_date: string;
  end_date: string | null;
  notice_date: string | null;
  no_show: boolean;
  version: number;
  district_id: string;
  protected_identity: boolean;
  client_name: string;
  personnummer: string;
  unit_name?: string;
  provider_name?: string;
  points?: number | null;
  level?: string | null;
  level_kind?: string | null;
}

/** One placement as listed. */
export function placementView(user: SessionUser, p: PlacementRow) {
  const who = clientIdentity(user, {
    name: p.client_name,
    personnummer: p.personnummer,
    district_id: p.district_id,
    protected_identity: p.protected_identity,
  });
  return {
    id: p.id,
    clientId: p.client_id,
    clientName: who.name,
    personnummerMasked: who.personnummerMasked,
    districtId: p.district_id,
    protected: p.protected_identity,
    unitId: p.unit_id,
    unitName: p.unit_name ?? null,
    providerId: p.provider_id,
    providerName: p.provider_name ?? null,
    service: p.service,
    regime: p.regime,
    start: p.start_date,
    end: p.end_date,
    noticeDate: p.notice_date,
    noShow: p.no_show,
    currentLevel: p.level_kind
      ? { points: p.points ?? null, level: p.level ?? null, kind: p.level_kind }
      : null,
    version: p.version,
  };
}
