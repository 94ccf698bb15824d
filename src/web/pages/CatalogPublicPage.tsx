/**
 * The public provider catalogue (*utförarkatalog*, issue #11 §3, FLOW-3): without signing in, a
 * client or relative browses units by service, district, orientation, methods, physical design,
 * accessibility, public transport and vacancies, and compares two or three side by side. The
 * filters and the chosen units live in the address (bookmark, share, reload); the number of
 * units found is announced (role="status"). Only approved profiles are shown, never anything
 * about clients.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { Link, navigate, useLocation } from '../router.js';
import { CATALOGUE_FIELD_LABELS, serviceLabel } from '../../contract/labels.js';
import type { CatalogueFacets, CatalogueSort, CatalogueUnit } from '../../contract/catalogue.js';
import { useListQuery, useListState } from '../components/useListState.js';
import {
  MAX_COMPARED,
  apiQuery,
  comparedFromSearch,
  filtersFromSearch,
  resultsText,
  searchFromFilters,
  vacancyText,
  type CatalogueFilters,
} from '../catalogue.js';

/** The catalogue's base path. */
export const CATALOGUE_PATH = '/utforarkatalog';

/** The facets the filters offer (districts, services, orientations, methods). */
export function useCatalogueFacets() {
  return useQuery({
    queryKey: ['catalogue-facets'],
    queryFn: () => get<CatalogueFacets>('/api/catalogue/facets'),
    staleTime: 300_000,
  });
}

/** One unit as a card: its name (h3), provider, place, services and the approved profile. */
function UnitCard({
  unit,
  chosen,
  canChoose,
  onChoose,
}: {
  unit: CatalogueUnit;
  chosen: boolean;
  canChoose: boolean;
  onChoose: (on: boolean) => void;
}) {
  const headingId = `enhet-${unit.unitId}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Title order={3} id={headingId} fz="lg">
          {unit.name}
        </Title>
        <Text size="sm">
          {unit.providerName}
          {unit.districtName ? ` · ${unit.districtName}` : ''}
        </Text>
        <Text size="sm">{unit.services.map(serviceLabel).join(', ')}</Text>
        <Text size="sm" fw={600}>
          {vacancyText(unit.vacancies, unit.capacity)}
        </Text>
        <dl className="catalogue-profile">
          <ProfileRows unit={unit} />
        </dl>
        <Checkbox
          label={`Jämför ${unit.name}`}
          checked={chosen}
          disabled={!chosen && !canChoose}
          onChange={(e) => onChoose(e.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}

/** The profile's fields as text, `Uppgift saknas` where the provider gave none. */
export function profileValues(unit: CatalogueUnit): [string, string][] {
  const none = 'Uppgift saknas';
  return [
    [CATALOGUE_FIELD_LABELS.orientation, unit.orientation ?? none],
    [CATALOGUE_FIELD_LABELS.methods, unit.methods.length ? unit.methods.join(', ') : none],
    [CATALOGUE_FIELD_LABELS.physicalDesign, unit.physicalDesign ?? none],
    [CATALOGUE_FIELD_LABELS.accessibility, unit.accessibility ?? none],
    [CATALOGUE_FIELD_LABELS.transport, unit.transport ?? none],
  ];
}

function ProfileRows({ unit }: { unit: CatalogueUnit }) {
  return (
    <>
      {profileValues(unit).map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </>
  );
}

/** The filter form; applied on "Visa enheter" so the address changes once per search. */
function Filters({ initial, facets }: { initial: CatalogueFilters; facets: CatalogueFacets }) {
  const [f, setF] = useState(initial);
  useEffect(() => setF(initial), [initial]);
  const set = <K extends keyof CatalogueFilters>(k: K, v: CatalogueFilters[K]) =>
    setF((old) => ({ ...old, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(CATALOGUE_PATH, searchFromFilters(f)));
  };
  const options = (all: string, values: { value: string; label: string }[]) => [
    { value: '', label: all },
    ...values,
  ];
  return (
    <form onSubmit={submit} role="search" aria-labelledby="filter-heading">
      <Title order={2} id="filter-heading" fz="h3" mb="sm">
        Filter
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <NativeSelect
          label="Insats"
          value={f.service}
          onChange={(e) => set('service', e.currentTarget.value)}
          data={options(
            'Alla insatser',
            facets.services.map((s) => ({ value: s, label: serviceLabel(s) })),
          )}
        />
        <NativeSelect
          label="Stadsdel"
          value={f.districtId}
          onChange={(e) => set('districtId', e.currentTarget.value)}
          data={options(
            'Alla stadsdelar',
            facets.districts.map((d) => ({ value: d.id, label: d.name })),
          )}
        />
        <NativeSelect
          label={CATALOGUE_FIELD_LABELS.orientation}
          value={f.orientation}
          onChange={(e) => set('orientation', e.currentTarget.value)}
          data={options(
            'Alla inriktningar',
            facets.orientations.map((o) => ({ value: o, label: o })),
          )}
        />
        <NativeSelect
          label={CATALOGUE_FIELD_LABELS.methods}
          value={f.method}
          onChange={(e) => set('method', e.currentTarget.value)}
          data={options(
            'Alla arbetssätt',
            facets.methods.map((m) => ({ value: m, label: m })),
          )}
        />
        <TextInput
          label={CATALOGUE_FIELD_LABELS.physicalDesign}
          description="Ord som ska finnas med, till exempel trädgård"
          value={f.design}
          onChange={(e) => set('design', e.currentTarget.value)}
          maxLength={100}
        />
        <TextInput
          label={CATALOGUE_FIELD_LABELS.transport}
          description="Till exempel tunnelbana eller buss"
          value={f.transport}
          onChange={(e) => set('transport', e.currentTarget.value)}
          maxLength={100}
        />
      </SimpleGrid>
      <Group mt="md">
        <Checkbox
          label="Tillgänglig för rullstol"
          checked={f.wheelchair}
          onChange={(e) => set('wheelchair', e.currentTarget.checked)}
        />
        <Checkbox
          label="Bara enheter med lediga platser"
          checked={f.vacant}
          onChange={(e) => set('vacant', e.currentTarget.checked)}
        />
      </Group>
      <Group mt="md">
        <Button type="submit">Visa enheter</Button>
        <Anchor component={Link} href={CATALOGUE_PATH}>
          Rensa filter
        </Anchor>
      </Group>
    </form>
  );
}

/** The catalogue page: filters, the count announced, the units, and the units chosen to compare. */
export function CatalogPublicPage() {
  const { search } = useLocation();
  const key = search.toString();
  const filters = filtersFromSearch(search);
  const compared = comparedFromSearch(search.get('jamfor'));
  const facets = useCatalogueFacets();
  // Paged on the server, 20 units a page, the page in the address beside the filters (issue #14 §1).
  const list = useListState<CatalogueSort>({ sorts: ['name', 'provider'], sort: 'name' });
  const units = useListQuery<CatalogueUnit, CatalogueSort>(
    '/api/catalogue',
    { ...apiQuery(filters), limit: 20 },
    list,
    { key: 'catalogue' },
  );
  const choose = (id: number, on: boolean) => {
    const next = on ? [...compared, id].slice(0, MAX_COMPARED) : compared.filter((c) => c !== id);
    // The filters, sort and page stay; only the units chosen change.
    const params = new URLSearchParams(search);
    if (next.length) params.set('jamfor', next.join(','));
    else params.delete('jamfor');
    navigate(`${CATALOGUE_PATH}?${params.toString()}`, { replace: true });
  };
  const compareHref = withQuery(`${CATALOGUE_PATH}/jamfor`, { enheter: compared.join(',') });

  return (
    <Page title="Utförarkatalog">
      <Text maw={720}>
        Här kan du som har ett beslut om insats, eller är närstående, se vilka enheter som erbjuder insatsen
        och jämföra dem. Du behöver inte logga in. Uppgifterna om varje enhet är utförarens egna och granskade
        av staden.
      </Text>
      <QueryState query={facets} what="filtren">
        {(f) => <Filters initial={filters} facets={f} key={key} />}
      </QueryState>
      <section aria-labelledby="result-heading">
        <Title order={2} id="result-heading" fz="h3" mb="xs">
          Enheter
        </Title>
        <Text role="status" aria-live="polite" aria-atomic="true" mb="sm" data-testid="catalogue-count">
          {units.data ? resultsText(units.data.total) : ''}
        </Text>
        <Group mb="sm" gap="sm">
          <Text size="sm">
            Välj två eller tre enheter att jämföra ({compared.length} av {MAX_COMPARED} valda).
          </Text>
          {compared.length >= 2 && (
            <Button component={Link} href={compareHref} variant="light" size="xs">
              Jämför valda enheter
            </Button>
          )}
        </Group>
        <QueryState query={units} what="enheterna">
          {({ items }) =>
            items.length === 0 ? (
              <Text>Inga enheter matchar filtren. Ta bort något filter och sök igen.</Text>
            ) : (
              <List listStyleType="none" spacing="md" aria-label="Enheter som matchar filtren">
                {items.map((u) => (
                  <List.Item key={u.unitId}>
                    <UnitCard
                      unit={u}
                      chosen={compared.includes(u.unitId)}
                      canChoose={compared.length < MAX_COMPARED}
                      onChoose={(on) => choose(u.unitId, on)}
                    />
                  </List.Item>
                ))}
              </List>
            )
          }
        </QueryState>
        {units.data && (units.data.nextCursor || units.data.prevCursor) && (
          <Group gap="xs" mt="md" component="nav" aria-label="Sidor, enheter">
            <Button variant="default" onClick={() => list.goTo(null)} disabled={!units.data.prevCursor}>
              Första sidan
            </Button>
            <Button
              variant="default"
              onClick={() => list.goTo(units.data.prevCursor)}
              disabled={!units.data.prevCursor}
            >
              Föregående sida
            </Button>
            <Button
              variant="default"
              onClick={() => list.goTo(units.data.nextCursor)}
              disabled={!units.data.nextCursor}
            >
              Nästa sida
            </Button>
          </Group>
        )}
      </section>
    </Page>
  );
}
