export { scenarioSchema, type Scenario, type ScenarioInput, type Regime } from './schema.js';
export { parseScenario, resolveDocument, resolveSources, validateDocument, setParameter, splitParameterPath, type LoadedScenario, type ReadRelative, type ParseOptions, type ValidateContext, type ResolvedDocument } from './parse.js';
export { parseScenarioOrManifest, isRunManifest, type LoadedInput, type ManifestSeeds } from './manifest.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { ScenarioError, formatProblem, type ScenarioProblem } from './errors.js';
export { stripProvenance, unsourcedLeaves, PROVENANCE_KINDS, type Provenance, type ProvenanceMap, type ProvenanceKind } from './provenance.js';
