/**
 * One kind of fact on a placement (issue #9 §4): what is recorded, and for the role that knows it
 * a form with a Swedish message next to each field, the API's own message (422, a rule the engine
 * holds) next to the field it names, and success announced in a status region. Participation is
 * changed by a new, dated decision (003): its form registers one, and nothing is removed here.
 */
import { useState, type FormEvent } from 'react';
import { Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionView } from '../../contract/decisions.js';
import type { ListPage } from '../../contract/primitives.js';
import type { PlacementDetail } from '../../contract/placements.js';
import { del, errorMessage, formFieldError, get, post, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { decisionBaseFor, recorded, validateFact, type FactKind } from '../facts.js';
import type { FieldErrors } from '../validate.js';
import { DateField } from './DateField.js';
import { TableScroll } from './TableScroll.js';
import { Rule } from './Rule.js';
import { clearFieldError } from './field-errors.js';
import { FormOutcome } from './FormOutcome.js';
import { RemoveButton, RemoveError } from './RemoveRow.js';

const blank = (kind: FactKind) => Object.fromEntries(kind.fields.map((f) => [f.name, '']));

/** The section: heading, intro, recorded list and (for the roles that enter it) the form. */
export function FactSection({ kind, placement }: { kind: FactKind; placement: PlacementDetail }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const items = recorded(kind, placement);
  const headingId = `fact-${kind.key}-h`;
  const canEnter = hasRole(user, ...kind.roles);
  const canRemove = canEnter && !kind.viaDecision;
  // A wrong entry is removed (audited by the server) and entered again.
  const remove = useMutation({
    mutationFn: (factId: number) => del(`/api/placements/${placement.id}/${kind.path}/${factId}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['placement'] }),
  });
  return (
    <section aria-labelledby={headingId} data-testid={`fact-${kind.key}`}>
      <Title order={2} id={headingId} size="h3" mb="xs">
        {kind.title}
      </Title>
      <Text size="sm" mb="xs">
        {kind.intro}
        <Rule ids={kind.rules} />
      </Text>
      {items.length === 0 ? (
        <Text mb="sm">Inget registrerat.</Text>
      ) : (
        <TableScroll>
          <Table mb="sm" striped>
            <caption className="visually-hidden">{`${kind.title}: registrerat`}</caption>
            <Table.Thead>
              <Table.Tr>
                {kind.columns.map((c) => (
                  <Table.Th scope="col" key={c.label} className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </Table.Th>
                ))}
                {canRemove && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">Åtgärd</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  {kind.columns.map((c) => (
                    <Table.Td key={c.label} className={c.numeric ? 'num' : undefined}>
                      {c.cell(item)}
                    </Table.Td>
                  ))}
                  {canRemove && (
                    <Table.Td>
                      <RemoveButton
                        id={item.id}
                        label={`Ta bort ${kind.title.toLowerCase()} ${kind.columns[0]?.cell(item) ?? ''}`}
                        removal={remove}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <RemoveError title="Uppgiften kunde inte tas bort" removal={remove} />
      {canEnter &&
        (kind.viaDecision ? (
          <DecisionFactForm kind={kind} placement={placement} />
        ) : (
          <FactForm kind={kind} placementId={placement.id} />
        ))}
    </section>
  );
}

/** Participation's form: a new decision replacing the placement's (003), once the decisions are read. */
function DecisionFactForm({ kind, placement }: { kind: FactKind; placement: PlacementDetail }) {
  const decisions = useQuery({
    queryKey: ['decisions', placement.clientId],
    // One client's decisions: a handful, within one page of 200.
    queryFn: async () =>
      (
        await get<ListPage<DecisionView>>(
          withQuery('/api/decisions', { clientId: placement.clientId, limit: 200 }),
        )
      ).items,
  });
  if (!decisions.data) return null;
  const base = decisionBaseFor(placement, decisions.data);
  return (
    <FactForm
      kind={kind}
      placementId={placement.id}
      target={{
        url: '/api/decisions',
        base,
        saved: 'Nytt beslut registrerat: omfattningen gäller från det datum du angav.',
      }}
    />
  );
}

/** The form of one kind of fact; `target` sends it elsewhere with more in the body (a decision, 003). */
export function FactForm({
  kind,
  placementId,
  target,
}: {
  kind: FactKind;
  placementId: number;
  target?: { url: string; base: object; saved: string };
}) {
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => blank(kind));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const names = kind.fields.map((f) => f.name);
  const save = useMutation({
    mutationFn: (body: object) =>
      target
        ? post(target.url, { ...target.base, ...body })
        : post(`/api/placements/${placementId}/${kind.path}`, body),
    onSuccess: () => {
      setDone(target?.saved ?? `${kind.title}: sparat.`);
      setValues(blank(kind));
      void qc.invalidateQueries({ queryKey: ['placement'] });
      if (target) void qc.invalidateQueries({ queryKey: ['decisions'] });
    },
    onError: (e) => {
      const field = formFieldError(e, names);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const found = validateFact(kind, values);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    save.mutate(kind.body(values));
  }

  const set = (name: string) => (v: string) => {
    setValues((s) => ({ ...s, [name]: v }));
    clearFieldError(setErrors, name);
  };
  return (
    <Paper withBorder p="md" mb="md">
      <form onSubmit={submit} noValidate aria-label={kind.title}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            {kind.fields
              .filter((f) => f.kind !== 'text')
              .map((f) =>
                f.kind === 'date' ? (
                  <DateField
                    key={f.name}
                    name={f.name}
                    label={f.label}
                    value={values[f.name] ?? ''}
                    onChange={set(f.name)}
                    error={errors[f.name]}
                    required={f.required}
                    {...(f.description ? { description: f.description } : {})}
                  />
                ) : (
                  <TextInput
                    key={f.name}
                    name={f.name}
                    label={f.label}
                    description={f.description}
                    inputMode={f.kind === 'integer' ? 'numeric' : 'decimal'}
                    autoComplete="off"
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name)(e.currentTarget.value)}
                    error={errors[f.name]}
                    required={f.required}
                    withAsterisk={f.required}
                  />
                ),
              )}
          </Group>
          {kind.fields
            .filter((f) => f.kind === 'text')
            .map((f) => (
              <Textarea
                key={f.name}
                name={f.name}
                label={f.label}
                description={f.description}
                value={values[f.name] ?? ''}
                onChange={(e) => set(f.name)(e.currentTarget.value)}
                error={errors[f.name]}
                required={f.required}
                withAsterisk={f.required}
                autosize
                minRows={2}
              />
            ))}
          <FormOutcome
            submit={kind.submit}
            mutation={save}
            done={done}
            doneTitle="Sparat"
            errorTitle={`${kind.title} kunde inte sparas`}
            fields={names}
          />
        </Stack>
      </form>
    </Paper>
  );
}
