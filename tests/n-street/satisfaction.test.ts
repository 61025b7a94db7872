/**
 * Paper 002: satisfaction rises toward ≈ 95 % as the system matures (a result to compare with, not
 * an input). In the model it rises because stations settle a third of the issues and free the
 * street's grid, and quarterly joint meetings clear what is escalated; with both off it falls.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { mean, nStreet, runs } from './helpers.js';

const early = (s: Scenario) => mean(runs(s).map((r) => ((r.summary as any).satisfaction.byYear['2012'] + (r.summary as any).satisfaction.byYear['2013']) / 2));
const late = (s: Scenario) => mean(runs(s).map((r) => ((r.summary as any).satisfaction.byYear['2017'] + (r.summary as any).satisfaction.byYear['2018']) / 2));

describe('N street: satisfaction over the reform (paper 002)', { timeout: 120_000 }, () => {
  const base = nStreet();
  const noStations = { ...base, modules: ['community', 'issueRouting'] } as Scenario;
  const noMeetings = { ...base, events: [] } as Scenario;
  const off = { ...noStations, events: [] } as Scenario;

  it('rises from 2012–13 to 2017–18 and ends near the paper\u2019s ≈ 95 %', () => {
    expect(late(base)).toBeGreaterThan(early(base) + 0.03);
    expect(Math.abs(mean(runs(base).map((r) => (r.summary as any).satisfaction.final)) - 0.95)).toBeLessThan(0.05);
  });

  it('does not rise without stations, nor without joint meetings as much', () => {
    expect(late(noStations)).toBeLessThan(early(noStations));
    expect(late(off)).toBeLessThan(early(off));
    expect(late(noMeetings) - early(noMeetings)).toBeLessThan(late(base) - early(base) - 0.01);
  });

  it('gives byte-identical summaries for the same seed', () => {
    const a = JSON.stringify(runs(base)[0].summary);
    const again = JSON.stringify((runs({ ...base } as Scenario, 1))[0].summary);
    expect(again).toBe(a);
  });
});
