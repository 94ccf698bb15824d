/**
 * Statements compiled once per shape (issue #15 §4). Building a Kysely query and compiling it to
 * SQL cost a district's placement page or a provider's specification about a sixth of the
 * server's CPU, yet the text depends only on the request's shape (which filters are given, the
 * sort, the user's role), never on the values. A {@link ShapeCache} builds a statement once per
 * shape with a unique token in place of every value, compiles it, and notes which parameter holds
 * which value; later requests of that shape only fill the parameters in.
 *
 * The builder receives the shape and the values apart, and may branch on the shape only: a value
 * it transforms (`${month}-01`, `limit + 1`) instead of passing as it is would be wrong for every
 * later request, so a token found anywhere but as a whole parameter refuses the statement, and
 * under the test runner every statement served from the cache is also built afresh from the
 * request's real values and must compile to the same text and parameters (so a shape key that
 * misses a branch fails the route tests, not a user).
 */
import type { CompiledQuery, Kysely, QueryExecutorProvider } from 'kysely';

/** A statement to compile: a query builder, or raw SQL (which compiles with the database's compiler). */
export interface ShapeStatement<R> {
  compile(db: QueryExecutorProvider): CompiledQuery<R>;
}

/** The token standing for value `name` while a shape is compiled (never a real input: has NUL). */
const token = (name: string): string => `\u0000shape:${name}\u0000`;
const TOKEN_MARK = '\u0000shape:';

/** One compiled shape: the statement with tokens, and for each parameter its value's name or null (a constant). */
interface Compiled {
  query: CompiledQuery<unknown>;
  slots: (string | null)[];
}

/**
 * Whether every statement served from a cache is checked against a fresh build (the tests': the
 * check costs what the cache saves). ERSATTNING_CHECK_SHAPES=1 turns it on elsewhere.
 */
const CHECK = process.env.VITEST !== undefined || process.env.ERSATTNING_CHECK_SHAPES === '1';

/** Shapes kept per cache: a builder whose shapes grow past it compiles each request, as before. */
const MAX_SHAPES = 200;

/**
 * The compiled statements of one builder, by shape. `build` makes the statement of a shape from its
 * values (an object of named values: what varies between requests of one shape); it must branch
 * on `shape` only (see the module's note).
 */
export class ShapeCache<D, S, V extends object, R> {
  readonly #shapes = new Map<string, Compiled>();

  constructor(private readonly build: (db: Kysely<D>, shape: S, values: V) => ShapeStatement<R>) {}

  /** The compiled statement of `shape` with `values` as its parameters. */
  compile(db: Kysely<D>, shape: S, values: V): CompiledQuery<R> {
    const key = JSON.stringify(shape);
    let c = this.#shapes.get(key);
    if (c === undefined) {
      if (this.#shapes.size >= MAX_SHAPES) return this.build(db, shape, values).compile(db);
      c = this.#compileShape(db, shape, values);
      this.#shapes.set(key, c);
    }
    const constants = c.query.parameters;
    const named = values as Record<string, unknown>;
    const parameters = c.slots.map((name, i) => (name === null ? constants[i] : named[name]));
    const query = { ...c.query, parameters } as CompiledQuery<R>;
    if (CHECK) check(query, this.build(db, shape, values).compile(db), key);
    return query;
  }

  /** Compiles `shape` with tokens for values, refusing a value used other than whole. */
  #compileShape(db: Kysely<D>, shape: S, values: V): Compiled {
    const tokens = Object.fromEntries(Object.keys(values).map((k) => [k, token(k)])) as V;
    const query = this.build(db, shape, tokens).compile(db) as CompiledQuery<unknown>;
    const byToken = new Map(Object.keys(values).map((k) => [token(k), k]));
    const slots = query.parameters.map((p) => {
      if (typeof p !== 'string' || !p.includes(TOKEN_MARK)) return null;
      const name = byToken.get(p);
      if (name === undefined)
        throw new Error(`A statement's value is used transformed: ${JSON.stringify(p)}`);
      return name;
    });
    if (query.sql.includes(TOKEN_MARK)) throw new Error('A statement has a value in its text');
    return { query, slots };
  }
}

/** Throws unless the cached statement equals the freshly built one (text and every parameter). */
function check(cached: CompiledQuery<unknown>, fresh: CompiledQuery<unknown>, key: string): void {
  const same =
    cached.sql === fresh.sql &&
    cached.parameters.length === fresh.parameters.length &&
    cached.parameters.every((p, i) => JSON.stringify(p) === JSON.stringify(fresh.parameters[i]));
  if (!same)
    throw new Error(
      `The statement cached for shape ${key} differs from a fresh build:\n${cached.sql}\n${JSON.stringify(cached.parameters)}\n${fresh.sql}\n${JSON.stringify(fresh.parameters)}`,
    );
}
