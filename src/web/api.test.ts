import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, formFieldError, withQuery } from './api.js';

describe('withQuery', () => {
  it.each([
    ['/api/clients', { q: 'Anna', districtId: '' }, '/api/clients?q=Anna'],
    ['/api/clients', { q: null, districtId: undefined }, '/api/clients'],
    ['/api/placements', { limit: 5000, providerId: 'U001' }, '/api/placements?limit=5000&providerId=U001'],
    ['/api/clients', { q: 'Å ö&x' }, '/api/clients?q=%C3%85+%C3%B6%26x'],
  ])('%s %j → %s', (path, q, url) => expect(withQuery(path, q)).toBe(url));
});

describe('formFieldError', () => {
  const fields = ['start', 'end'] as const;
  it.each([
    [new ApiError(422, 'end-before-start', 'Slutdatum …', 'end'), 'end'],
    [new ApiError(409, 'stale-version', '…', 'version'), null],
    [new ApiError(400, 'x', '…'), null],
    [new Error('boom'), null],
  ])('%s → %s', (error, field) => expect(formFieldError(error, fields)).toBe(field));
});

describe('errorMessage', () => {
  it.each([
    [
      new ApiError(401, 'bad-credentials', 'Fel användarnamn eller lösenord.'),
      'Fel användarnamn eller lösenord.',
    ],
    [new Error('nätet'), 'Något gick fel: nätet'],
    ['x', 'Något gick fel.'],
  ])('%s → %s', (error, text) => expect(errorMessage(error)).toBe(text));
});
