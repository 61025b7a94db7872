/**
 * The population build finds what it draws by faster means than a walk (docs/performance.md,
 * part 16ae); they must find the same thing. Here: the party network's co-building units, each
 * drawn to the compound in whose stretch of residents the draw falls, found by halving over the
 * residents before each compound instead of walking the compounds taking each one's residents off.
 */
import { describe, expect, it } from 'vitest';
import { aleaStream } from '../../src/engine/index.js';
import { assignUnits } from '../../src/modules/party-network/network.js';
import type { PartyNetworkParams } from '../../src/modules/party-network/params.js';

/** The walk the build did before: each compound's residents taken off the draw in turn. */
function walked(residents: readonly number[], total: number, per10000: number, rng: () => number): number[] {
  const units = new Array<number>(residents.length).fill(0);
  const n = Math.round((per10000 * total) / 10_000);
  for (let k = 0; k < n; k++) {
    let x = rng() * total;
    let c = 0;
    while (c < residents.length - 1 && x >= residents[c]) x -= residents[c++];
    units[c]++;
  }
  return units;
}

const params = (per10000: number) => ({ coBuildingUnitsPer10000: per10000 }) as PartyNetworkParams;

describe('co-building units found by halving', () => {
  it('go to the compounds the walk gave them, over seeds and sizes, with empty compounds and a total past the residents', () => {
    for (let seed = 0; seed < 30; seed++) {
      const shape = aleaStream(`shape ${seed}`);
      const nc = 1 + Math.floor(shape() * (seed < 20 ? 40 : 9000));
      const residents = Array.from({ length: nc }, () => (shape() < 0.2 ? 0 : Math.floor(shape() * 2000)));
      const sum = residents.reduce((a, b) => a + b, 0);
      // The build passes the residents' count; a total larger than the compounds' sum sends the excess to the last.
      const total = seed % 3 === 0 ? sum + 17 : sum;
      const per10000 = seed < 20 ? 500 : 18;
      expect(assignUnits(residents, total, params(per10000), aleaStream(`draws ${seed}`))).toEqual(walked(residents, total, per10000, aleaStream(`draws ${seed}`)));
    }
  });

  it('put a draw that falls exactly where a compound ends into the next one, as the walk did', () => {
    const residents = [3, 0, 5, 2, 0, 0, 4];
    const total = 14;
    // Draws of exactly 0, each boundary, and just under the end.
    const xs = [0, 3, 8, 10, 13.999999, 3 - 1e-12, 8 + 1e-12];
    const rngOf = () => { let i = 0; return () => xs[i++ % xs.length] / total; };
    const per10000 = (xs.length * 10_000) / total;
    expect(assignUnits(residents, total, params(per10000), rngOf())).toEqual(walked(residents, total, per10000, rngOf()));
  });
});
