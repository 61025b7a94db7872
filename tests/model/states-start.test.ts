/**
 * Every module's state as a run starts: several modules make their hours, shares and yuan as -0
 * (held as doubles, so that the first fraction does not replace the state's map days into a run,
 * docs/performance.md part 16ac) and write them back as +0 (`writtenAgain`). None may start at -0
 * (a -0 prints as "-0" where nothing is added to it), and the fields set after that keep their
 * starting values. The every-module model, so every module's state is checked.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFor } from '../../bench/all-model.js';
import { createSimulation } from '../../src/model/index.js';

/** Every number in the state's plain objects and arrays (not typed arrays), by path. */
function numbers(o: object, path = ''): [string, number][] {
  return Object.entries(o).flatMap(([k, v]): [string, number][] =>
    typeof v === 'number' ? [[`${path}${k}`, v]] : v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) ? numbers(v, `${path}${k}.`) : [],
  );
}

describe("the modules' states a run starts from", () => {
  const sim = createSimulation(scenarioFor('all', 0), 'states-start/0');
  const state = sim.world.state as Record<string, any>;

  it('hold no -0', () => {
    const all = numbers(state);
    expect(all.map(([k]) => k)).toEqual(expect.arrayContaining([
      'gridMobilisation.tokens', 'issueRouting.gridTokens', 'governanceLoad.serviceHours', 'governanceLoad.loadHours.street',
      'charity.channels.government.pledged', 'charity.packagesBought.government', 'volunteerPool.callHours', 'socialWorkers.workload',
      'socialOrganisations.passivity.economic', 'residentsCommittee.hoursFree',
    ]));
    expect(all.filter(([, v]) => Object.is(v, -0)).map(([k]) => k)).toEqual([]);
  });

  it('start the fields made as doubles at their values', () => {
    expect([state.gridMobilisation.staffShare, state.gridMobilisation.recoveryDays, state.gridMobilisation.tokens]).toEqual([1, -1, 0]);
    expect([state.governanceLoad.staffTime, state.governanceLoad.freeShare, state.governanceLoad.adminHours]).toEqual([1, 1, 0]);
    expect([state.selfOrganisation.closedSince, state.selfOrganisation.closed, state.selfOrganisation.crisis]).toEqual([-1, false, false]);
  });
});
