/**
 * Shared parts of the analyst's toolbox (issue #12 §4): a draft model file offered for download
 * (made in the browser from the API's YAML, nothing stored), the population picker and the error
 * alert, so each tool's panel stays small.
 */
import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, get } from '../api.js';
import { formatNumber } from '../../contract/format.js';
import type { PopulationView } from '../../contract/imports.js';

/** A link that downloads `yaml` as `fileName` (a draft model file; check it with `model-check`). */
export function DownloadModel({ model }: { model: { id: string; fileName: string; yaml: string } }) {
  const href = `data:application/yaml;charset=utf-8,${encodeURIComponent(model.yaml)}`;
  return (
    <Group gap="xs">
      <Button component="a" href={href} download={model.fileName} variant="light">
        Ladda ner utkastet {model.fileName}
      </Button>
      <Text size="sm">
        Ett utkast väljs aldrig efter datum; lägg det i models/ och kontrollera det med model-check.
      </Text>
    </Group>
  );
}

/** The populations to choose from: today's placements on a date, or an imported one. */
export function PopulationSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const populations = useQuery({
    queryKey: ['populations'],
    queryFn: () => get<PopulationView[]>('/api/imports/populations'),
  });
  return (
    <Select
      label={label}
      data={[
        { value: '', label: 'Placeringarna på datumet' },
        ...(populations.data ?? []).map((p) => ({
          value: String(p.id),
          label: `${p.name} (${formatNumber(p.persons)} personer)`,
        })),
      ]}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      allowDeselect={false}
    />
  );
}

/** The error of a failed tool, as an alert. */
export function ToolError({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" role="alert" title={title}>
      {errorMessage(error)}
    </Alert>
  );
}
