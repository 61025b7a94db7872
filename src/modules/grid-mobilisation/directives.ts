/**
 * Directives down the layers of the grid (paper 003 五(一)3 and 六(一)3: commands and resources
 * pass through layer upon layer; redundant layers delay decisions and information, and the
 * passage brings time lags and distortion). From the onset the command issues a directive every
 * few days. Each layer holds it for a while; any layer may distort it; a distorted directive is
 * found when it reaches the households, reported back up through every layer and issued again.
 * Mobilisation starts the day the first directive arrives undistorted.
 */
import type { ModuleProcess, Rng } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';
import type { GridParams } from './params.js';
import type { GridState } from './state.js';

/** Days a directive takes to arrive undistorted, and whether it was distorted on the way. */
export function passDown(s: GridParams, rng: Rng): { days: number; distorted: boolean } {
  const hold = () => -Math.log(1 - rng()) * s.delayDaysPerLayer;
  let days = 0;
  let distorted = false;
  // At most 50 passes: with a distortion chance below 0.9 a layer, more is vanishingly rare.
  for (let pass = 0; pass < 50; pass++) {
    let wrong = false;
    for (let l = 0; l < s.layers; l++) {
      days += hold();
      if (rng() < s.distortionPerLayer) wrong = true;
    }
    if (!wrong) break;
    distorted = true;
    for (let l = 0; l < s.layers; l++) days += hold();
  }
  return { days, distorted };
}

export const gridDirectives: ModuleProcess<CommunityWorld, GridState> = {
  name: 'gridDirectives',
  slot: 'morning',
  step(world, st, ctx) {
    if (ctx.day < st.onsetDay) return;
    const s = world.scenario.gridMobilisation as GridParams;
    const since = ctx.day - st.onsetDay;
    if (since === 0) {
      // The state the normal period built, as the crisis finds it.
      let n = 0, sum = 0;
      for (let c = 0; c < st.latent.length; c++) if (st.latent[c]) { n++; sum += st.trust[c]; }
      st.latentAtOnset = n;
      st.meanTrustAtOnset = n ? sum / n : 0;
      // Households with a member arrived from outside, to be screened.
      for (let h = 0; h < st.arrival.length; h++) if (ctx.rng() < s.crisis.arrivalShare) { st.arrival[h] = 1; st.arrivals++; }
    }
    if (since % s.directiveIntervalDays !== 0) return;
    const { days, distorted } = passDown(s, ctx.rng);
    st.directives++;
    st.delaySum += days;
    if (distorted) st.distorted++;
    const arrives = ctx.day + Math.floor(days);
    if (st.firstArrival < 0 || arrives < st.firstArrival) st.firstArrival = arrives;
  },
};
