/**
 * A column name as an uploaded file must spell it (`unit_id`, `personnummer`): shown as code and
 * marked `data-filkod`, so the Swedish guard (e2e/swedish-words.ts) knows the code is meant.
 */
import { Code } from '@mantine/core';

/** One file column's name, as code. */
export function FileColumn({ name }: { name: string }) {
  return <Code data-filkod="">{name}</Code>;
}
