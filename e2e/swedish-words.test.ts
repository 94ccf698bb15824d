/** The Swedish guard's word check (swedish-words.ts) on texts it must pass and texts it must catch. */
import { describe, expect, it } from 'vitest';
import { findLeaks } from './swedish-words.js';

describe('findLeaks', () => {
  it.each([
    'Placeringar den 2025-03-01 – 2025-03-31',
    'Gruppbostad (LSS), Nivå 2, privat regi: 1 501,50 kr',
    'Kvälls- och nattillägg, e-post, LSS-verksamheter, Deltid 4-24 timmar/vecka',
    'Förslag till nya ersättningsnivåer i LSS bostad med särskild service, 2023, Tabell 2',
  ])('passes Swedish: %s', (text) => expect(findLeaks([text])).toEqual([]));

  it.each([
    ['(placements on 2026-11-29)', 'English "placements"'],
    ['Providers see their own units only', 'English "own"'],
    ['Servicebostad: lss-servicebostad', 'code "lss-servicebostad"'],
    ['Stadsdel enskede-arsta-vantor', 'code "enskede-arsta-vantor"'],
    ['Roll: case_officer', 'code "case_officer"'],
    ['Följer utföraren (SVC-2)', 'rule id "SVC-2"'],
    ['Status: draft', 'English "draft"'],
    ['Summa: NaN kr', 'script value "NaN"'],
    ['Källa: 002, Tabell 2', 'source without its document "002"'],
  ])('catches %s', (text, finding) =>
    expect(findLeaks([text]).some((f) => f.startsWith(finding))).toBe(true),
  );
});
