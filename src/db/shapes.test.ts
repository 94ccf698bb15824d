import { Kysely, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ShapeCache } from './shapes.js';

/** A Kysely that only compiles (PostgreSQL's compiler; never connects). */
const db = new Kysely<{ t: { a: string; b: number } }>({
  dialect: new PostgresDialect({ pool: {} as never }),
});

describe('ShapeCache', () => {
  it('compiles a shape once and fills each request’s values in as parameters', () => {
    let builds = 0;
    const cache = new ShapeCache((k: typeof db, s: { b: boolean }, v: { a: unknown; b: unknown }) => {
      builds++;
      let q = k
        .selectFrom('t')
        .selectAll()
        .where('a', '=', v.a as string);
      if (s.b) q = q.where('b', '>', v.b as number);
      return q.where(sql<boolean>`${'fixed'} <> ${v.a}`);
    });
    const one = cache.compile(db, { b: true }, { a: 'x', b: 1 });
    const builtOnce = builds;
    const two = cache.compile(db, { b: true }, { a: 'y', b: 2 });
    expect(two.sql).toBe(one.sql);
    expect(one.parameters).toEqual(['x', 1, 'fixed', 'x']);
    expect(two.parameters).toEqual(['y', 2, 'fixed', 'y']);
    // Under the test runner every request is also built afresh (the check): one build more, not two.
    expect(builds - builtOnce).toBe(1);
    const other = cache.compile(db, { b: false }, { a: 'z', b: 3 });
    expect(other.sql).not.toBe(one.sql);
    expect(other.parameters).toEqual(['z', 'fixed', 'z']);
  });

  it('refuses a builder that transforms a value instead of passing it whole', () => {
    const cache = new ShapeCache((k: typeof db, _s: object, v: { month: unknown }) =>
      k
        .selectFrom('t')
        .selectAll()
        .where('a', '=', `${String(v.month)}-01`),
    );
    expect(() => cache.compile(db, {}, { month: '2025-03' })).toThrow(/transformed/);
  });

  it('fails, under the test runner, a shape key that misses a branch the builder takes on a value', () => {
    const cache = new ShapeCache((k: typeof db, _s: object, v: { a: unknown }) =>
      v.a === null
        ? k.selectFrom('t').selectAll().where('a', 'is', null)
        : k
            .selectFrom('t')
            .selectAll()
            .where('a', '=', v.a as string),
    );
    cache.compile(db, {}, { a: 'x' });
    expect(() => cache.compile(db, {}, { a: null })).toThrow(/differs from a fresh build/);
  });
});
