/**
 * Outings keep confined households at home: the afternoon's outings strike the households a
 * contributed confinement holds (the epidemic's quarantines and closures) off the day's list
 * before they go out (src/modules/households/outings.ts, `Confinement.letOut`). confinement.test.ts
 * checks the epidemic's `letOut` on its own; this checks that the outings use it: every household
 * the outings reported to the contact sinks on a day (the epidemic's `outings` list of the day) is
 * free that day by `confinedOn`. Short quarantines and closures, many early cases, so that
 * households are confined on days households go out.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/model/index.js';
import { entries } from '../../src/modules/epidemic/day-list.js';
import { confinedOn } from '../../src/modules/epidemic/response.js';
import { LOCKDOWN_EPIDEMIC, scenario, SHORT_CONFINEMENTS } from './helpers.js';

const BASE = SHORT_CONFINEMENTS;

describe.each(['none', 'building', 'compound'])('outings with closure %s', (closure) => {
  it.each(['1/0', '2/0'])('no household goes out on a day it is confined (seed %s)', (seed) => {
    const s = scenario(LOCKDOWN_EPIDEMIC, { ...BASE, 'epidemic.response.closure': closure });
    const sim = createSimulation(s, seed);
    const w = sim.world;
    const own = w.state.epidemic;
    let outingDays = 0;
    let confinedOnOutingDays = 0;
    while (!sim.done) {
      sim.step();
      const out = Array.from(entries(own.outings));
      const confinedOut = out.filter((h) => confinedOn(w, h, own.day));
      expect(confinedOut, `day ${own.day}: confined households went out`).toEqual([]);
      if (out.length > 0) {
        outingDays++;
        confinedOnOutingDays += w.today.householdsConfined;
      }
    }
    // The run had outings on days households were confined, so the check above had work to do.
    expect(outingDays).toBeGreaterThan(0);
    expect(confinedOnOutingDays).toBeGreaterThan(0);
  });
});
