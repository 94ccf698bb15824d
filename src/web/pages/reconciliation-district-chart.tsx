/**
 * A chart per district (issue #12 §1, ALLOC-2): the chosen district's allocation per service and
 * level in this reconciliation beside the previous one. Cells suppressed for analysts (issue #12
 * §6) are left out of the chart and named below it, never drawn as zero.
 */
import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import type { reconciliationDetail } from '../../contract/reconciliations.js';
import { Chart } from './scenario-parts.js';

type Detail = z.infer<typeof reconciliationDetail>;

/** The district picker and its chart (loaded lazily with the other charts). */
export default function DistrictChart({ detail }: { detail: Detail }) {
  const [districtId, setDistrictId] = useState<string | null>(detail.districts[0]?.districtId ?? null);
  const district = detail.districts.find((d) => d.districtId === districtId);
  const cells = detail.cells.filter((c) => c.districtId === districtId);
  const shown = cells.filter((c) => c.allocation !== null && c.previousAllocation !== null);
  const hidden = cells.length - shown.length;
  return (
    <Stack gap="xs">
      <Select
        label="Stadsdel i diagrammet"
        data={detail.districts.map((d) => ({ value: d.districtId, label: d.name }))}
        value={districtId}
        onChange={setDistrictId}
        allowDeselect={false}
      />
      {district && (
        <Chart
          title={`${district.name}: fördelning per insats och nivå, tusen kronor (förra avstämningen och denna)`}
          dataKey="nivå"
          series={['Förra', 'Denna']}
          data={shown.map((c) => ({
            nivå: `${serviceLabel(c.service).split(' ')[0]} ${levelLabel(c.level)}`,
            Förra: Math.round((c.previousAllocation ?? 0) / 1000),
            Denna: Math.round((c.allocation ?? 0) / 1000),
          }))}
        />
      )}
      {hidden > 0 && (
        <Text size="sm">
          {hidden === 1 ? 'En nivå' : `${hidden} nivåer`} med färre än 5 personer visas inte i diagrammet.
        </Text>
      )}
    </Stack>
  );
}
