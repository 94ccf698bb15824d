/** The public catalogue's address round-trips and its words (issue #11 §3). */
import { describe, expect, it } from 'vitest';
import { withQuery } from './api.js';
import {
  apiQuery,
  comparedFromSearch,
  filtersFromSearch,
  resultsText,
  searchFromFilters,
  vacancyText,
} from './catalogue.js';

describe('catalogue address', () => {
  it('reads back the filters it wrote', () => {
    const f = {
      service: 'lss-gruppbostad',
      districtId: 'bromma',
      orientation: 'Autism',
      method: 'TEACCH',
      design: 'trädgård',
      transport: 'tunnelbana',
      wheelchair: true,
      vacant: false,
    };
    const url = withQuery('/utforarkatalog', searchFromFilters(f, [4, 9]));
    expect(url).toBe(
      '/utforarkatalog?insats=lss-gruppbostad&stadsdel=bromma&inriktning=Autism&arbetssatt=TEACCH&lokaler=tr%C3%A4dg%C3%A5rd&kollektivtrafik=tunnelbana&rullstol=ja&jamfor=4%2C9',
    );
    const search = new URL(url, 'http://x').searchParams;
    expect(filtersFromSearch(search)).toEqual(f);
    expect(comparedFromSearch(search.get('jamfor'))).toEqual([4, 9]);
    expect(apiQuery(f)).toMatchObject({ wheelchair: 'true', vacant: undefined, design: 'trädgård' });
  });

  it('keeps at most three distinct valid ids to compare', () => {
    expect(comparedFromSearch('3,3,x,0,7,8,9')).toEqual([3, 7, 8]);
    expect(comparedFromSearch(null)).toEqual([]);
  });

  it('words vacancies and counts in Swedish', () => {
    expect(vacancyText(1, 6)).toBe('1 ledig plats av 6');
    expect(vacancyText(0, 6)).toBe('0 lediga platser av 6');
    expect(vacancyText(null, null)).toBe('Uppgift om platser saknas');
    expect(resultsText(1)).toBe('1 enhet hittades');
    expect(resultsText(12)).toBe('12 enheter hittades');
  });
});
