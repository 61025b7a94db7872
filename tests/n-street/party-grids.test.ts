/**
 * Paper 002 四(一): N street's party organisation had two levels, street and community, until
 * 2016, when branches were built along the grid down to the stairwell (122 party grids by
 * September 2016). The shipped scenario dates its depth so (`partyNetwork.depth` by date). The
 * effect must show where the mechanism runs: the lowest level's units are the ones that ask
 * residents to take part, so participation jumps after 2016; residents who take part make the
 * stations more competent, so the stations settle more of their issues than they would with no
 * grid yet — and no more than that when taking part does not strengthen stations.
 */
import { describe, expect, it } from 'vitest';
import { meanOf, nStreet } from './helpers.js';

const part = (y: number) => `party.participation.byYear.${y}`;

describe('N street: the party grids built in 2016 (paper 002)', { timeout: 300_000 }, () => {
  const dated = nStreet();
  const undated = nStreet({ 'partyNetwork.depth': 5 });

  it('mobilises few residents before the grids and many after them', () => {
    expect(meanOf(dated, part(2015))).toBeLessThan(0.01);
    expect(meanOf(dated, part(2017))).toBeGreaterThan(5 * meanOf(dated, part(2015)));
    // The same network built down from 2012: its residents took part years earlier.
    expect(meanOf(undated, part(2015))).toBeGreaterThan(5 * meanOf(dated, part(2015)));
    // By 2018 both have had the grids for more than a year.
    expect(Math.abs(meanOf(undated, part(2018)) - meanOf(dated, part(2018)))).toBeLessThan(0.01);
  });

  it('leaves the stations settling less in 2016 than a network built down from the start', () => {
    expect(meanOf(undated, 'routing.byYear.2016.station')).toBeGreaterThan(meanOf(dated, 'routing.byYear.2016.station') + 0.02);
  });

  it('makes no difference to the stations when taking part does not strengthen them', () => {
    const off = { 'partyNetwork.mobilisation.stationCompetence': 0 };
    const d = meanOf(nStreet(off), 'routing.byYear.2016.station');
    const u = meanOf(nStreet({ ...off, 'partyNetwork.depth': 5 }), 'routing.byYear.2016.station');
    expect(Math.abs(u - d)).toBeLessThan(0.006);
  });
});
