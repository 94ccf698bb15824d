/**
 * What the Swedish guard (swedish-guard.test.ts) looks for in a page's text (issue #14 §2): English
 * words, raw ids and codes (`lss-servicebostad`, `case_officer`, `ordinary`), rule ids outside a
 * rule detail, and JavaScript leaks (`undefined`, `NaN`, `[object Object]`). A word list, not a
 * language detector: it names the word and the text it stood in, so a failure is fixed in the label
 * table, not by widening the allowlist.
 */

/**
 * Elements with one of these attributes (and their contents) are not read: `data-regel` marks a
 * rule detail (src/web/components/Rule.tsx), `data-filkod` a column name as an import file must
 * spell it (the import page).
 */
export const SKIPPED = '[data-regel], [data-filkod]';

/**
 * English words that are not also Swedish words an app like this uses (`in`, `by`, `service`,
 * `total`, `person`, `import`, `final` are Swedish too and left out), and the API's enum values.
 */
const ENGLISH = new Set(
  `the and of on to is are was were for with from your you this that these not found no yes
   equals placement placements provider providers draft level levels error errors illustrative
   ordinary default states rule rules see own only units invalid request required must should
   approved exported decided proposal running queued failed done preliminary cancelled open scoring
   reconciliation client clients run runs settlement amount amounts month date page loading submit
   cancel save delete edit search name role user users district districts row rows column file
   none null undefined nan true false object idle premises correction corrections missing unknown
   forbidden allowed cannot can't doesn't isn't does has have had been will would which when where
   what who why how there their they them it its at or if then else than more less
   week weeks day days hours hour evening night between after before new old show hide close`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words in the word list that are correct where they stand (names, Swedish homographs). */
const ALLOWED_WORDS = new Set<string>([]);

/** Lower-case hyphenated words that are Swedish, not slugs. */
const ALLOWED_SLUGS = new Set(['e-post', 'e-tjänst', 'e-tjänster']);

/** The rule-id prefixes of domain.md. */
const RULE_ID = /(?<![\p{L}\d])(?:PAY|SVC|LVL|RATE|SCEN|ASMT|FLOW|ALLOC)-\d+/gu;
/** `lss-servicebostad`, `enskede-arsta-vantor`, `waiting-second`: a slug, not a label. */
const SLUG = /(?<![\p{L}\d_-])\p{Ll}[\p{Ll}\d]*(?:-[\p{Ll}][\p{Ll}\d]*)+(?![\p{L}\d_-])/gu;
/** `case_officer`, `provider_id`: a code. */
const SNAKE = /(?<![\p{L}\d_])\p{L}[\p{L}\d]*_[\p{L}\d_]+/gu;
/** `[object Object]`, `NaN`. */
const JS_LEAK = /\[object \w+\]|(?<![\p{L}])NaN(?![\p{L}])/gu;
const WORD = /[\p{L}']+/gu;
/** `002, Tabell 2`: a seed id where the document's title belongs (SEED_DOCUMENTS). */
const SEED_REF = /(?<![\p{L}\d-])00[0-4](?=[,:]| \()/gu;

/** Every problem in the texts of one page, each as `what: "the text it stood in"` (deduplicated). */
export function findLeaks(texts: readonly string[]): string[] {
  const out = new Set<string>();
  const quote = (t: string) => JSON.stringify(t.trim().replace(/\s+/g, ' ').slice(0, 160));
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      const word = m[0].toLowerCase();
      if (ENGLISH.has(word) && !ALLOWED_WORDS.has(word)) out.add(`English "${m[0]}": ${quote(text)}`);
    }
    for (const m of text.matchAll(SLUG))
      if (!ALLOWED_SLUGS.has(m[0])) out.add(`code "${m[0]}": ${quote(text)}`);
    for (const m of text.matchAll(SNAKE)) out.add(`code "${m[0]}": ${quote(text)}`);
    for (const m of text.matchAll(RULE_ID))
      out.add(`rule id "${m[0]}" outside a rule detail: ${quote(text)}`);
    for (const m of text.matchAll(JS_LEAK)) out.add(`script value "${m[0]}": ${quote(text)}`);
    for (const m of text.matchAll(SEED_REF)) out.add(`source without its document "${m[0]}": ${quote(text)}`);
  }
  return [...out];
}
