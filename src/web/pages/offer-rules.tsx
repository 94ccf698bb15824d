/**
 * The social psychiatry rules of matching shown before an offer is tried (FLOW-4): housing support
 * only from providers active in the client's district (the other units are marked in the ranking),
 * and one occupation at a time (an offer of another is a switch from the running one, which ends
 * with notice, PAY-6). The server refuses both; this says so first. The rule sets are the domain's.
 */
import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DISTRICT_BOUND_SERVICES, ONE_AT_A_TIME_SERVICES } from '../../domain/flow/matching.js';
import type { DecisionView } from '../../contract/decisions.js';
import type { PlacementList, PlacementView } from '../../contract/placements.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import { get, withQuery } from '../api.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Rule } from '../components/Rule.js';

/** The client's running placements of the decided service (those a switch can end). */
export function useRunningPlacements(decision: Pick<DecisionView, 'clientId' | 'service'>): PlacementView[] {
  const running = useQuery({
    queryKey: ['placements', 'client', decision.clientId, decision.service],
    queryFn: () =>
      get<PlacementList>(
        withQuery('/api/placements', { clientId: decision.clientId, service: decision.service }),
      ),
  });
  return (running.data?.items ?? []).filter((p) => p.end === null);
}

/** True when an offer for this decision must be a switch from a running placement (FLOW-4). */
export const mustSwitch = (service: string, running: readonly unknown[]): boolean =>
  ONE_AT_A_TIME_SERVICES.has(service) && running.length > 0;

/** The notices above the ranked units: the district rule and the one-at-a-time rule, when they apply. */
export function OfferRules({ decision }: { decision: DecisionView }) {
  const districtName = nameLookup(useDistricts().data);
  const running = useRunningPlacements(decision);
  const bound = DISTRICT_BOUND_SERVICES.has(decision.service);
  const switching = mustSwitch(decision.service, running);
  if (!bound && !switching) return null;
  return (
    <div data-testid="offer-rules">
      {bound && (
        <Alert color="blue" variant="light" mb="sm" title="Bara utförare verksamma i stadsdelen">
          <Text size="sm">
            {serviceLabel(decision.service)} ges bara av utförare som är verksamma i den enskildes stadsdel,{' '}
            {districtName(decision.districtId)}. Enheter hos andra utförare är markerade och kan inte anlitas.
            <Rule ids="FLOW-4" />
          </Text>
        </Alert>
      )}
      {switching && (
        <Alert color="blue" variant="light" mb="sm" title="En sysselsättning i taget">
          <Text size="sm">
            Den enskilde har redan sysselsättning:{' '}
            {running.map((p) => `${p.unitName ?? ''} sedan ${formatDate(p.start)}`).join(', ')}. Ett
            erbjudande blir därför ett byte, och den nuvarande placeringen upphör med uppsägning.
            <Rule ids={['FLOW-4', 'PAY-6']} />
          </Text>
        </Alert>
      )}
    </div>
  );
}
