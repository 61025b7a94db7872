export { scenarioSchema, type Scenario, type ScenarioInput, type Regime } from './schema.js';
export { parseScenario, resolveDocument, validateDocument, setParameter, type LoadedScenario, type ReadRelative } from './parse.js';
export { ScenarioError, formatProblem, type ScenarioProblem } from './errors.js';
export { stripProvenance, PROVENANCE_KINDS, type Provenance, type ProvenanceMap, type ProvenanceKind } from './provenance.js';
