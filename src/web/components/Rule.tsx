/**
 * A rule id kept at hand but never as the label (issue #14 §2): a small "§" after the text, with
 * the rule ids in a tooltip and in its accessible name ("Regel PAY-6"), reachable by keyboard. The
 * `data-regel` mark tells the Swedish guard (e2e/swedish-guard.test.ts) that rule ids are expected
 * inside; `RuleText` does the same for a list of ids written out, e.g. in an explanation's sources.
 */
import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { sourceLabel, splitRules } from '../../contract/labels.js';

/** The attribute that marks a rule detail (the guard skips rule ids inside it). */
export const RULE_DETAIL = { 'data-regel': '' } as const;

/** `§` with "Regel PAY-6" as its tooltip and name. */
export function Rule({ ids }: { ids: string | readonly string[] }) {
  const text = `${typeof ids === 'string' || ids.length === 1 ? 'Regel' : 'Regler'} ${[ids].flat().join(', ')}`;
  return (
    <Tooltip label={text} withArrow>
      <Text span size="xs" c="dimmed" ml={4} tabIndex={0} aria-label={text} {...RULE_DETAIL}>
        §
      </Text>
    </Tooltip>
  );
}

/** Text that may name rule ids (an explanation's rules and sources), marked as a rule detail. */
export function RuleText({ children }: { children: ReactNode }) {
  return (
    <Text span inherit {...RULE_DETAIL}>
      {children}
    </Text>
  );
}

/** A model figure's source with its document named (SEED_DOCUMENTS) and its rule ids in a {@link Rule}. */
export function SourceText({ source }: { source: string }) {
  const { text, rules } = sourceLabel(source);
  return (
    <>
      {text}
      {rules.length > 0 && <Rule ids={rules} />}
    </>
  );
}

/** A sentence that may name rule ids (a notice, a server message): the text, then a {@link Rule}. */
export function TextWithRules({ text }: { text: string }) {
  const split = splitRules(text);
  return (
    <>
      {split.text}
      {split.rules.length > 0 && <Rule ids={split.rules} />}
    </>
  );
}
