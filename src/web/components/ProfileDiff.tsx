/**
 * An approved and a proposed catalogue profile side by side (issue #11 §3): one row per field,
 * changed rows marked with the word "ändrad" as well as a tint, never colour alone.
 */
import { Table } from '@mantine/core';
import { CATALOGUE_FIELD_LABELS, type CatalogueField } from '../../contract/labels.js';
import type { CatalogueProfile } from '../../contract/providers.js';
import { TableScroll } from './TableScroll.js';

const text = (p: CatalogueProfile, k: CatalogueField): string => {
  const v = p[k];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
};

/** The fields whose text differs between two profiles. */
export function changedFields(a: CatalogueProfile, b: CatalogueProfile): CatalogueField[] {
  return (Object.keys(CATALOGUE_FIELD_LABELS) as CatalogueField[]).filter((k) => text(a, k) !== text(b, k));
}

/** The diff table; `caption` names the unit. */
export function ProfileDiff({
  before,
  after,
  caption,
}: {
  before: CatalogueProfile;
  after: CatalogueProfile;
  caption: string;
}) {
  const changed = changedFields(before, after);
  return (
    <TableScroll label={caption}>
      <Table withTableBorder withColumnBorders>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Uppgift</Table.Th>
            <Table.Th scope="col">Godkänd nu</Table.Th>
            <Table.Th scope="col">Förslag</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(CATALOGUE_FIELD_LABELS) as CatalogueField[]).map((k) => {
            const isChanged = changed.includes(k);
            return (
              <Table.Tr key={k} className={isChanged ? 'changed' : undefined}>
                <Table.Th scope="row">
                  {CATALOGUE_FIELD_LABELS[k]}
                  {isChanged ? ' (ändrad)' : ''}
                </Table.Th>
                <Table.Td>{text(before, k) || '–'}</Table.Td>
                <Table.Td>{text(after, k) || '–'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
