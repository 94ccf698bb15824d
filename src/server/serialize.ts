/**
 * Answers serialised from their contract schema (issue #7, issue #15 §4). The default serializer
 * (fastify-type-provider-zod's) parses every answer with Zod, which copies it whole, then
 * stringifies the copy: a tenth of the server's CPU on a 50-row placement page. For a schema made
 * of objects, arrays, strings, numbers, booleans, enums, literals, nullable and optional parts,
 * {@link schemaSerializerCompiler} walks the schema once and writes JSON from it directly, checking
 * each value as it goes (type, integer, enum member, finite number) and writing only the schema's
 * keys in the schema's order, which is what Zod's parse would keep. Any value it cannot vouch for,
 * and any schema part it does not know (a refinement, a length check, a union), hands the whole
 * answer to the default serializer, so an answer that breaks its contract fails exactly as before.
 * Under the test runner every answer is also serialised the default way and must be identical.
 */
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Writes a value's JSON, or returns {@link NO} when it cannot vouch for it. */
type Write = (value: unknown) => string | typeof NO;

/** A value the writer cannot vouch for: the default serializer decides. */
const NO = Symbol('not vouched for');

const CHECK = process.env.VITEST !== undefined || process.env.ERSATTNING_CHECK_SHAPES === '1';

/** Zod's own description of a schema part (v4's `_zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def =>
  (schema as unknown as { _zod?: { def: Def } })._zod?.def ?? { type: 'not a Zod schema' };

/** Whether a number part's checks are at most "an integer" (what `.int()` adds). */
const intOnly = (def: Def): boolean | null => {
  const checks = def.checks ?? [];
  if (checks.length === 0) return false;
  if (checks.length === 1 && checks[0]!._zod.def.format === 'safeint') return true;
  return null;
};

/** The writer of a schema part, or null when the part is not one this module knows. */
function writerOf(schema: z.ZodType): Write | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      if (def.checks?.length) return null;
      return (v) => (typeof v === 'string' ? JSON.stringify(v) : NO);
    case 'number': {
      const int = intOnly(def);
      if (int === null) return null;
      return int
        ? (v) => (Number.isSafeInteger(v) ? String(v) : NO)
        : (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : NO);
    }
    case 'boolean':
      return (v) => (v === true ? 'true' : v === false ? 'false' : NO);
    case 'enum':
    case 'literal': {
      const allowed = new Set(def.type === 'enum' ? Object.values(def.entries ?? {}) : (def.values ?? []));
      if ([...allowed].some((a) => typeof a !== 'string')) return null;
      return (v) => (allowed.has(v as string) ? JSON.stringify(v) : NO);
    }
    case 'nullable': {
      const inner = writerOf(def.innerType!);
      return inner && ((v) => (v === null ? 'null' : inner(v)));
    }
    case 'array': {
      const element = writerOf(def.element!);
      if (!element) return null;
      return (v) => {
        if (!Array.isArray(v)) return NO;
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          const s = element(v[i]);
          if (s === NO) return NO;
          out += i === 0 ? s : `,${s}`;
        }
        return `${out}]`;
      };
    }
    case 'object':
      return objectWriter(def);
    default:
      return null;
  }
}

/** An object part's writer: its keys in the schema's order, an optional key left out when undefined. */
function objectWriter(def: Def): Write | null {
  const fields: { key: string; optional: boolean; write: Write }[] = [];
  for (const [key, part] of Object.entries(def.shape ?? {})) {
    const optional = defOf(part).type === 'optional';
    const write = writerOf(optional ? defOf(part).innerType! : part);
    if (!write) return null;
    fields.push({ key: JSON.stringify(key), optional, write });
  }
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return NO;
    const o = v as Record<string, unknown>;
    let out = '';
    for (const f of fields) {
      const value = o[f.key.slice(1, -1)];
      if (value === undefined && f.optional) continue;
      const s = f.write(value);
      if (s === NO) return NO;
      out += out === '' ? `${f.key}:${s}` : `,${f.key}:${s}`;
    }
    return `{${out}}`;
  };
}

/**
 * A serializer compiler for routes whose answers are hot (the placement list, the specification):
 * the schema's own writer where it knows every part of the schema, else the default serializer.
 */
export function schemaSerializerCompiler(route: {
  schema: unknown;
  method: string;
  url: string;
}): (data: unknown) => string {
  const fallback = zodSerializerCompiler(route as never) as (data: unknown) => string;
  const write = writerOf(route.schema as z.ZodType);
  if (!write) return fallback;
  return (data: unknown) => {
    const out = write(data);
    if (out === NO) return fallback(data);
    if (CHECK) {
      const expected = fallback(data);
      if (expected !== out)
        throw new Error(`${route.method} ${route.url}: the schema's writer gave\n${out}\nnot\n${expected}`);
    }
    return out;
  };
}
