/**
 * The visualizer page: wires the controls, the simulation worker and the charts. State is a small
 * object; every change ends in `scheduleRender()`, which redraws all charts from the runs at the
 * next animation frame (so a fast worker never makes the page draw more than once a frame), one
 * chart per task so that no single task blocks the page (see `render`).
 */
// The Chinese glyphs the page uses, bundled (scripts/cjk-font.ts): a machine without a CJK font shows boxes otherwise.
import '../generated/cjk-font.css';
import './styles.css';
import { CHART_CSS } from './charts/style.js';
import { drawLineChart } from './charts/line-chart.js';
import { drawNetwork } from './charts/network-chart.js';
import { drawHeatmap } from './charts/heatmap-chart.js';
import { drawStackedBars } from './charts/bar-chart.js';
import { drawHourglass } from './charts/hourglass-chart.js';
import { dashboardCharts, hasValues, institutionCharts } from './data/chart-spec.js';
import { routingByYearChart } from './data/years.js';
import { hourglassChart } from './data/hourglass.js';
import { differenceChart } from './data/difference.js';
import { measureRows } from './data/measures.js';
import { busiestDay, flowsOn, networkOf } from './data/network.js';
import { applyWorkerMessage } from './data/live-runs.js';
import { daysFilled, type RunData } from './data/run-data.js';
import { DEFAULT_SCENARIO, readerOver, SHIPPED, scenarioTitle, shippedNames } from './data/scenarios.js';
import { factorColumns, heatmap, measureColumns, type SweepTable } from './data/sweep.js';
import { addDays, changesBetween, overridesOf, settingsOf, switchedOffModules, type Change, type TeacherSettings } from './data/teacher.js';
import { captionLines } from './data/captions.js';
import { monitorsOn } from './data/monitors.js';
import { modulesOff } from './data/societies.js';
import { openPicked, type LoadProblem } from './data/loader.js';
import { columnLabel } from './data/sweep-labels.js';
import { formatProblem } from '../../src/scenario/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { scenarioName, setLang, t, tf, type Lang } from './i18n.js';
import { addExportButtons } from './ui/cards.js';
import { renderTeacherControls } from './ui/teacher-controls.js';
import { renderMonitors } from './ui/monitors.js';
import { renderLesson } from './ui/lesson.js';
import { renderCommunity } from './ui/community-view.js';
import { createCommunityDays, storeDays, type CommunityDays } from './data/community.js';
import type { CommunityColouring } from './charts/community-canvas.js';
import { LESSON, LESSON_SCENARIO } from './data/lesson.js';
import { groupTableHtml, measuresHtml } from './ui/tables.js';
import type { FromWorker, RunRequest, ToWorker } from './worker/protocol.js';
import { formatDate } from './charts/line-chart.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// Chart styles live in one string shared with exported SVGs.
const style = document.createElement('style');
style.textContent = CHART_CSS;
document.head.append(style);

/** Narrowest chart drawn: fits a 390 px phone inside the card's padding. */
const MIN_CHART_WIDTH = 300;

/** Pacing steps of the speed slider, in milliseconds per simulated day. */
const SPEEDS = [900, 500, 250, 100, 30];

interface State {
  runs: (RunData | null)[];
  recoveryThreshold: number;
  /** Households of the main run's community (from the worker): what the monitors count against. */
  households: number;
  runId: number;
  running: boolean;
  /** Teacher mode: normal times have run their days and wait for the crisis button. */
  waiting: boolean;
  paused: boolean;
  teacher: boolean;
  settings: TeacherSettings;
  /** Where the scenario itself puts the switches and sliders. */
  baseSettings: TeacherSettings;
  /** Settings of the run shown as "before" in teacher mode. */
  previousSettings: TeacherSettings | null;
  /** undefined: the scenario's own timeline; null: held; a day: started then. */
  crisisDay: number | null | undefined;
  /** Scenario texts the user opened, by name. */
  userFiles: Record<string, string>;
  networkDay: number | null;
  sweep: SweepTable | null;
  /** What the caption reports; its sentences are written at each drawing, in the current language. */
  caption: { crisisDate?: string; changes: Change[] };
  /** The problems on screen, kept as keys so a language switch translates them too. */
  problems: LoadProblem[] | null;
  /** The guided lesson's step on screen: 0 before it starts, then 1 … LESSON.length. */
  lessonStep: number;
  /** The main run's households day by day, for the community view (null: a run from files). */
  community: CommunityDays | null;
}

const state: State = {
  runs: [],
  recoveryThreshold: 0.95,
  households: 0,
  runId: 0,
  running: false,
  waiting: false,
  paused: false,
  teacher: false,
  settings: { switches: {}, sliders: {}, societies: {} },
  baseSettings: { switches: {}, sliders: {}, societies: {} },
  previousSettings: null,
  crisisDay: undefined,
  userFiles: {},
  networkDay: null,
  sweep: null,
  caption: { changes: [] },
  problems: null,
  lessonStep: 0,
  community: null,
};

/**
 * `data-run-state` on the body says where the run is, for tests and scripts. "running" and
 * "error" hold at once; a state that says the page shows a result (done, waiting, loaded, idle)
 * holds once the drawing of that result is finished, so whoever reads the charts then reads it.
 */
let settledRunState: string | null = null;
function setRunState(s: string) {
  if (s === 'running' || s === 'error' || !drawingPending()) {
    settledRunState = null;
    document.body.dataset.runState = s;
  } else settledRunState = s;
}

const worker = new Worker(new URL('./worker/sim-worker.ts', import.meta.url), { type: 'module' });
const send = (m: ToWorker) => worker.postMessage(m);
// A crash inside the model must not leave the page saying "Running" for ever.
worker.onerror = (e) => {
  state.running = false;
  setRunState('error');
  showLines([e.message || 'the simulation stopped with an error']);
  updateTransport();
};

// ---------------------------------------------------------------- controls

function fillScenarioMenus() {
  const names = [...shippedNames(), ...Object.keys(state.userFiles)];
  const files = { ...SHIPPED, ...state.userFiles };
  for (const id of ['scenario', 'compare']) {
    const select = $<HTMLSelectElement>(id);
    const keep = select.value;
    select.replaceChildren();
    if (id === 'compare') select.append(new Option(t('none'), ''));
    for (const n of names) select.append(new Option(scenarioName(n, scenarioTitle(files[n], n)), n));
    if (keep && [...select.options].some((o) => o.value === keep)) select.value = keep;
  }
}

/**
 * Scenarios already parsed, by file name and text: parsing one takes tens of milliseconds of the
 * page's time (the loader has already parsed a file it opens; the seed and the caption need it again).
 */
const parsed = new Map<string, Scenario | null>();

/**
 * The chosen scenario, read with the library's parser (so `extends` and provenance wrappers are
 * handled as everywhere else), or null if it is invalid: running it will show its problems.
 */
function scenarioOf(file: string): Scenario | null {
  const files = { ...SHIPPED, ...state.userFiles };
  const key = `${file}\n${files[file]}`;
  if (!parsed.has(key)) {
    try {
      parsed.set(key, parseScenario(files[file], file, readerOver(files)).scenario);
    } catch {
      parsed.set(key, null);
    }
  }
  return parsed.get(key)!;
}

/** The switch and slider positions of a scenario; an invalid file keeps the current positions. */
function settingsFromScenario(file: string): TeacherSettings {
  const scenario = scenarioOf(file);
  return scenario ? settingsOf(scenario) : state.settings;
}

/**
 * Puts the scenario's own seed in the seed field, so a run in the page gives the numbers of
 * `crsim run FILE` (which uses that seed); an invalid file leaves the field as it is.
 */
function seedFromScenario(file: string) {
  const scenario = scenarioOf(file);
  if (scenario) $<HTMLInputElement>('seed').value = String(scenario.seed);
}

function buildTeacherControls() {
  renderTeacherControls({ switches: $('switches'), sliders: $('sliders'), societies: $('societies') }, () => state.settings, (next) => changeSettings(next));
}

function setStatus(text: string) {
  $('status').textContent = text;
}

/** Shows refusals (translated now, and again on a language switch), or clears them with null. */
function showProblems(problems: LoadProblem[] | null) {
  state.problems = problems;
  const box = $('problems');
  box.hidden = !problems;
  box.textContent = problems
    ? problems.map((p) => [tf(p.key, { file: p.file ?? '', detail: p.details?.[0] ?? '' }), ...(p.key === 'loadBadCells' ? [] : p.details ?? [])].join('\n')).join('\n')
    : '';
}

/** A scenario's own problems from the worker, in the CLI's words, under the page's heading. */
function showLines(lines: string[]) {
  showProblems([{ key: 'invalidScenario', details: lines }]);
}

// ---------------------------------------------------------------- runs

function currentDay(): number {
  const main = state.runs[0];
  return main ? daysFilled(main) : 0;
}

function startRun(opts: { catchUpTo?: number; keepBefore?: boolean } = {}) {
  const files = { ...SHIPPED, ...state.userFiles };
  const file = $<HTMLSelectElement>('scenario').value || DEFAULT_SCENARIO;
  const jobOf = (settings: TeacherSettings) => ({ file, overrides: overridesOf(settings, state.baseSettings), withoutModules: [...modulesOff(settings.societies), ...switchedOffModules(settings.switches)] });
  const jobs: RunRequest['jobs'] = [state.teacher ? jobOf(state.settings) : { file, overrides: {} }];
  if (state.teacher && state.previousSettings) jobs.push(jobOf(state.previousSettings));
  const compare = $<HTMLSelectElement>('compare').value;
  if (!state.teacher && compare) jobs.push({ file: compare, overrides: {} });
  state.runId++;
  state.running = true;
  state.waiting = false;
  // Set at once, so nothing (a test, a script) mistakes the previous run's "done" for this one's.
  setRunState('running');
  state.runs = [];
  state.community = null;
  state.networkDay = null;
  showProblems(null);
  const req: RunRequest = {
    type: 'run',
    runId: state.runId,
    jobs,
    files,
    seed: Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0)),
    replicates: state.teacher ? 1 : Math.min(100, Math.max(1, Math.floor(Number($<HTMLInputElement>('reps').value) || 1))),
    delayMs: state.teacher ? SPEEDS[Number($<HTMLInputElement>('speed').value)] : 0,
    paused: state.teacher && state.paused,
    crisisDay: state.teacher ? state.crisisDay : undefined,
    catchUpTo: opts.catchUpTo,
  };
  send(req);
  updateTransport();
  scheduleRender();
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  if (m.runId !== state.runId) return;
  switch (m.type) {
    case 'start':
    case 'days':
    case 'replicateDone':
      // Teacher mode compares a run with itself before the last change: "now" and "before" say it all.
      applyWorkerMessage(state.runs, m, (start) => (state.teacher ? t(start.slot > 0 ? 'before' : 'now') : scenarioName(start.file, start.label)));
      if (m.type === 'start' && m.slot === 0) {
        state.recoveryThreshold = m.recoveryThreshold;
        state.households = m.households;
      }
      if (m.type === 'days' && m.slot === 0 && m.replicate === 0) {
        const run = state.runs[0]!;
        const day = daysFilled(run);
        setStatus(`${state.paused ? t('paused') : t('running')} · ${formatDate(run.dates[day - 1] ?? run.dates[0], true)} · ${run.phases[day - 1] ? t(run.phases[day - 1]) : ''}`);
        updateTransport();
      }
      break;
    case 'community':
      state.community = createCommunityDays(m.layout, m.days);
      break;
    case 'householdDays':
      if (state.community) storeDays(state.community, m.from, m.met, m.infection);
      break;
    case 'done':
      state.running = false;
      setStatus(`${t('done')} · ${state.runs[0]?.label ?? ''}`);
      updateTransport();
      break;
    case 'waiting':
      // Teacher mode: normal times have run their days and wait for the crisis button.
      state.running = false;
      state.waiting = true;
      setStatus(t('waitingForCrisis'));
      updateTransport();
      break;
    case 'problems':
      state.running = false;
      showLines(m.problems.map(formatProblem));
      setStatus('');
      updateTransport();
      break;
    case 'error':
      state.running = false;
      showLines([m.message]);
      updateTransport();
      break;
  }
  scheduleRender();
  // The worker's own error ends the run in "error", as a crash of the worker does (onerror).
  setRunState(m.type === 'done' || m.type === 'waiting' || m.type === 'error' ? m.type : state.running ? 'running' : 'idle');
};

function changeSettings(next: TeacherSettings) {
  const changes = changesBetween(state.settings, next);
  // A control released where it was changes nothing: keep the run and its "before" line.
  if (changes.length === 0) return;
  state.previousSettings = state.settings;
  state.settings = next;
  state.caption = { changes };
  // Replay to where the class was, with the crisis where it was, and keep playing from there.
  startRun({ catchUpTo: currentDay() });
}

/** The date of a day of the main run, counted from its calendar start (also past its last date). */
function dateOfDay(day: number): string | undefined {
  const start = state.runs[0]?.dates[0];
  return start === undefined ? undefined : addDays(start, day);
}

function updateTransport() {
  // The button says what pressing it does; a run that has ended or waits has nothing to play.
  const playing = state.running && !state.paused;
  $('play').textContent = playing ? t('pause') : t('play');
  $('play').setAttribute('aria-pressed', String(playing));
  ($('play') as HTMLButtonElement).disabled = !state.running;
  ($('step') as HTMLButtonElement).disabled = !state.running;
  const main = state.runs[0];
  const shocked = main ? main.phases.slice(0, Math.max(1, currentDay())).some((p) => p !== 'normal') : false;
  ($('crisis') as HTMLButtonElement).disabled = state.crisisDay !== null || shocked;
  const crisisDate = typeof state.crisisDay === 'number' ? dateOfDay(state.crisisDay) : undefined;
  $('crisis-status').textContent = state.crisisDay === null ? t('crisisWaiting') : crisisDate ? tf('capCrisisStarted', { date: formatDate(crisisDate, true) }) : '';
  renderClock();
}

/** The big clock of teacher mode: the simulated date, the day number and the phase. */
function renderClock() {
  const main = state.runs[0];
  const day = currentDay();
  const date = main ? main.dates[Math.max(0, day - 1)] : undefined;
  $('clock-date').textContent = date ? formatDate(date, true) : '';
  $('clock-day').textContent = date ? tf('clockDay', { day: Math.max(1, day) }) : '';
  $('clock-phase').textContent = main && date ? t(main.phases[Math.max(0, day - 1)]) : '';
  $('clock').dataset.phase = main && date ? main.phases[Math.max(0, day - 1)] : '';
}

// ---------------------------------------------------------------- drawing

/**
 * While research mode runs its replicates at full speed the charts are redrawn at most this
 * often: the curves and the band visibly grow, and the page keeps its time for the reader (at
 * every frame, redrawing took most of the main thread). Teacher mode paces its days and draws
 * every one.
 */
const LIVE_REDRAW_MS = 250;

let frameQueued = false;
let drawing = false;
/** Whether the queued frame must redraw everything, or only the views of the picked day. */
let fullRenderQueued = false;
let dayRenderQueued = false;
let lastFullRender = -Infinity;

const drawingPending = () => frameQueued || drawing;

function scheduleRender() {
  fullRenderQueued = true;
  queueFrame();
}

/**
 * Moving the day slider changes only the network, the community view and the monitors: the line
 * charts stay as they are, so scrubbing through days is not slowed by redrawing every chart.
 */
function scheduleDayRender() {
  dayRenderQueued = true;
  queueFrame();
}

function queueFrame() {
  // A drawing under way is never cut short (under load a new one would cut it short for ever):
  // what was asked meanwhile is drawn when it ends.
  if (frameQueued || drawing) return;
  frameQueued = true;
  document.body.dataset.drawing = 'true';
  const live = fullRenderQueued && state.running && !state.teacher;
  const wait = live ? lastFullRender + LIVE_REDRAW_MS - performance.now() : 0;
  const onFrame = () => requestAnimationFrame(() => {
    frameQueued = false;
    void drawFrame();
  });
  if (wait > 0) setTimeout(onFrame, wait);
  else onFrame();
}

async function drawFrame() {
  drawing = true;
  try {
    if (fullRenderQueued) {
      fullRenderQueued = false;
      dayRenderQueued = false;
      lastFullRender = performance.now();
      await render();
    } else if (dayRenderQueued) {
      dayRenderQueued = false;
      const main = state.runs[0];
      if (main) await renderDayViews(main, false);
    }
  } catch (e) {
    // A drawing that fails is reported, and the page goes on: had the error left this function,
    // what was asked meanwhile would never be drawn and the run state never settle.
    console.error(e);
  } finally {
    drawing = false;
  }
  if (fullRenderQueued || dayRenderQueued) {
    queueFrame();
    return;
  }
  delete document.body.dataset.drawing;
  if (settledRunState) setRunState(settledRunState);
}

/**
 * Lets the page handle input and paint between two pieces of a drawing: scheduler.yield() where
 * the browser has it (the rest of the drawing keeps its place ahead of other work), else a task.
 */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Redraws every view from the runs, one chart per task: drawn at once, the seven charts, the
 * tables and the day views made one task of tens of milliseconds (more on a busy machine), long
 * enough to make clicks and scrolling wait.
 */
async function render() {
  const source = state.runs;
  const runs = source.filter((r): r is RunData => r !== null && r !== undefined);
  // A drawing yields to the page between charts; if a new run has started meanwhile (a teacher's
  // change), the rest of this one would draw the old runs beside the new run's community and
  // caption. It stops instead: the new run asked for a drawing of its own, which follows.
  const yieldOrStop = async () => {
    await yieldToPage();
    return state.runs !== source;
  };
  const host = (id: string) => $(id).querySelector<HTMLElement>('.chart-host')!;
  if (runs.length === 0) {
    // While a new run is starting, the last drawing stays until its first day arrives (no flash
    // on every teacher change). With nothing running (a failed run), nothing of a previous run
    // may stay on the page: every run-derived card is cleared, export buttons included.
    if (state.running) return;
    for (const card of document.querySelectorAll<HTMLElement>('.card:not(#card-heatmap)')) {
      card.querySelector('.card-tools')?.remove();
      card.querySelector<HTMLElement>('.chart-host')!.replaceChildren();
    }
    host('card-q').innerHTML = `<p class="empty">${t('noData')}</p>`;
    $('measures').replaceChildren();
    $('group-table').replaceChildren();
    return;
  }
  const specs = dashboardCharts(runs, state.recoveryThreshold);
  // Comparing two scenarios (not teacher mode's before/now): their difference, with its uncertainty.
  const diffCard = $('card-diff');
  diffCard.hidden = state.teacher || runs.length < 2;
  if (!diffCard.hidden) specs.splice(1, 0, differenceChart(runs[0], runs[1]));
  const heights: Record<string, number> = { q: 340, groups: 300, diff: 260 };
  for (const spec of specs) {
    const card = $(`card-${spec.id}`);
    const h = host(`card-${spec.id}`);
    const width = Math.max(MIN_CHART_WIDTH, card.clientWidth - 12);
    const svg = drawLineChart(h, spec, { width, height: heights[spec.id] ?? 250 });
    addExportButtons(card, svg, `crsim-${spec.id}`);
    // A finished run without the lockdown model's metrics (N street, the Dalian grid) keeps no
    // empty chart; while a run is streaming its first days every card stays.
    card.hidden = !state.running && !hasValues(spec);
    if (await yieldOrStop()) return;
  }
  // Multi-year institutions (papers 002, 004): routing shares by year and the load by layer,
  // drawn as in `crsim report`, for a run whose summaries have them.
  const routing = routingByYearChart(runs[0]);
  const hourglass = hourglassChart(runs[0]);
  const multiYear: [string, ((h: HTMLElement, width: number) => SVGSVGElement) | null][] = [
    ['routing', routing && ((h, width) => drawStackedBars(h, routing, { width, height: 320 }))],
    ['hourglass', hourglass && ((h, width) => drawHourglass(h, hourglass, { width, height: 300 }))],
  ];
  for (const [id, draw] of multiYear) {
    const card = $(`card-${id}`);
    card.hidden = draw === null;
    card.querySelector('.card-tools')?.remove();
    if (!draw) {
      host(`card-${id}`).replaceChildren();
      continue;
    }
    addExportButtons(card, draw(host(`card-${id}`), Math.max(MIN_CHART_WIDTH, card.clientWidth - 12)), `crsim-${id}`);
    if (await yieldOrStop()) return;
  }
  // The institutions' metrics (N street's stations and pending issues, the grid's crisis), one wide
  // card each, years on the axis for a multi-year run: made afresh for the runs drawn.
  const institutions = $('institution-charts');
  institutions.replaceChildren();
  for (const spec of institutionCharts(runs)) {
    const card = document.createElement('div');
    card.className = 'card wide';
    card.id = `card-${spec.id}`;
    const h = document.createElement('div');
    h.className = 'chart-host';
    card.append(h);
    institutions.append(card);
    addExportButtons(card, drawLineChart(h, spec, { width: Math.max(MIN_CHART_WIDTH, card.clientWidth - 12), height: 280 }), `crsim-${spec.id}`);
    if (await yieldOrStop()) return;
  }
  const rows = measureRows(runs);
  $('measures').innerHTML = measuresHtml(rows);
  $('group-table').innerHTML = groupTableHtml(rows);
  if (await yieldOrStop()) return;

  await renderDayViews(runs[0], true);
  renderCaption(runs);
}

/**
 * The views of one day of the main run: the network, the community and the lesson's monitors. In
 * a full redraw the community is drawn in a task of its own; scrubbing through days draws both at
 * once, to keep up with the slider.
 */
async function renderDayViews(main: RunData, full: boolean) {
  const host = (id: string) => $(id).querySelector<HTMLElement>('.chart-host')!;
  const filled = daysFilled(main);
  const slider = $<HTMLInputElement>('network-day');
  slider.max = String(Math.max(0, main.dates.length - 1));
  // Live: follow the newest day. Finished: start on the busiest day (the run ends quiet).
  const day = state.networkDay ?? (filled >= main.dates.length && !state.teacher ? busiestDay(main) : Math.max(0, filled - 1));
  slider.value = String(day);
  slider.setAttribute('aria-valuetext', main.dates[day] ?? '');
  slider.setAttribute('aria-label', t('networkDay'));
  const netCard = $('card-network');
  // The actors' flows are the lockdown model's: a finished run without it (N street) has none.
  netCard.hidden = !state.running && !main.metrics.some((m) => m.name === 'q');
  const network = networkOf(main);
  // The five societies' network has more than twice the actors: it takes the whole row and more height.
  netCard.classList.toggle('span-row', network.actors.length > 10);
  const net = drawNetwork(host('card-network'), network, flowsOn(main, day), main.dates[day] ?? null, { width: Math.max(MIN_CHART_WIDTH, netCard.clientWidth - 12), height: network.actors.length > 10 ? 480 : 320 });
  addExportButtons(netCard, net, 'crsim-network');

  if (full) await yieldToPage();
  await renderCommunity($('card-community'), state.community, day, $<HTMLSelectElement>('community-colour').value as CommunityColouring, yieldToPage);
  // The lesson's monitors follow the day the class is on (the network's day, when a teacher picks one).
  renderMonitors($('monitors'), state.teacher && Object.keys(state.settings.societies).length > 0 ? monitorsOn(main, day, state.households) : null);
}

function renderCaption(runs: RunData[]) {
  const box = $('caption');
  box.hidden = !state.teacher || (state.caption.changes.length === 0 && !state.caption.crisisDate);
  if (box.hidden) return;
  const scenario = scenarioOf($<HTMLSelectElement>('scenario').value);
  const range = scenario?.partyMembers.perBuilding;
  const [now, before] = runs;
  const lines = captionLines({
    ...state.caption,
    settings: state.settings,
    baseSettings: state.baseSettings,
    partyMembersRange: range ? [range.min, range.max] : [0, 0],
    before: before?.summaries[0] ?? null,
    now: now?.summaries[0] ?? null,
  });
  $('caption-text').replaceChildren(...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })));
}

function renderHeatmap() {
  const card = $('card-heatmap');
  const table = state.sweep;
  card.hidden = !table;
  if (!table) return;
  // Menu entries are named in the page's language (the dotted path is their tooltip).
  for (const id of ['heat-x', 'heat-y', 'heat-m']) for (const o of $<HTMLSelectElement>(id).options) o.text = columnLabel(o.value);
  const xs = $<HTMLSelectElement>('heat-x').value;
  const ys = $<HTMLSelectElement>('heat-y').value;
  const ms = $<HTMLSelectElement>('heat-m').value;
  if (!xs || !ys || !ms) return;
  const svg = drawHeatmap(card.querySelector<HTMLElement>('.chart-host')!, heatmap(table, xs, ys, ms), { x: columnLabel(xs), y: columnLabel(ys), measure: columnLabel(ms) }, { width: Math.max(MIN_CHART_WIDTH, card.clientWidth - 12), height: 420 });
  addExportButtons(card, svg, 'crsim-heatmap');
}

// ---------------------------------------------------------------- language and mode

function applyLanguage(l: Lang) {
  setLang(l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  document.title = `${t('appTitle')} · crsim`;
  $('lang-en').setAttribute('aria-pressed', String(l === 'en'));
  $('lang-zh').setAttribute('aria-pressed', String(l === 'zh'));
  fillScenarioMenus();
  buildTeacherControls();
  renderLessonPanel();
  updateTransport();
  if (state.problems) showProblems(state.problems);
  if (state.waiting) setStatus(t('waitingForCrisis'));
  scheduleRender();
  renderHeatmap();
}

/**
 * A lesson from its first day: normal times with the crisis held for the teacher, and every
 * switch and slider where the scenario puts them (entering teacher mode, and Reset).
 */
function startLesson() {
  state.settings = state.baseSettings;
  state.previousSettings = null;
  state.caption = { changes: [] };
  state.crisisDay = null;
  state.paused = false;
  buildTeacherControls();
  startRun();
}

function renderLessonPanel() {
  renderLesson($('lesson-step'), $<HTMLButtonElement>('lesson-next'), state.lessonStep);
}

/** A lesson is a script; a teacher who takes another way (reset, another scenario) leaves it. */
function leaveLesson() {
  state.lessonStep = 0;
  renderLessonPanel();
}

/** Carries out the guided lesson's next step with the controls a teacher would use by hand. */
function advanceLesson() {
  const step = LESSON[state.lessonStep];
  if (!step) return;
  state.lessonStep++;
  const a = step.action;
  switch (a.kind) {
    case 'start':
      $<HTMLSelectElement>('scenario').value = LESSON_SCENARIO;
      seedFromScenario(LESSON_SCENARIO);
      state.baseSettings = settingsFromScenario(LESSON_SCENARIO);
      startLesson();
      break;
    case 'crisis':
      if (!$<HTMLButtonElement>('crisis').disabled) $('crisis').click();
      break;
    case 'society':
      changeSettings({ ...state.settings, societies: { ...state.settings.societies, [a.id]: a.on } });
      buildTeacherControls();
      break;
    case 'observe':
      break;
  }
  renderLessonPanel();
}

function setMode(teacher: boolean) {
  state.teacher = teacher;
  leaveLesson();
  document.body.classList.toggle('teacher', teacher);
  $('mode-research').setAttribute('aria-pressed', String(!teacher));
  $('mode-teacher').setAttribute('aria-pressed', String(teacher));
  if (teacher) {
    state.baseSettings = settingsFromScenario($<HTMLSelectElement>('scenario').value);
    startLesson();
  } else {
    // The teacher's "now" and "before" runs belong to the lesson: research mode runs its own.
    state.crisisDay = undefined;
    state.paused = false;
    state.previousSettings = null;
    state.caption = { changes: [] };
    startRun();
  }
  scheduleRender();
}

// ---------------------------------------------------------------- events

$('run').addEventListener('click', () => startRun());
$('mode-research').addEventListener('click', () => setMode(false));
$('mode-teacher').addEventListener('click', () => setMode(true));
$('lang-en').addEventListener('click', () => applyLanguage('en'));
$('lang-zh').addEventListener('click', () => applyLanguage('zh'));
$('scenario').addEventListener('change', () => {
  seedFromScenario($<HTMLSelectElement>('scenario').value);
  if (!state.teacher) return;
  leaveLesson();
  state.settings = state.baseSettings = settingsFromScenario($<HTMLSelectElement>('scenario').value);
  state.previousSettings = null;
  state.caption = { changes: [] };
  buildTeacherControls();
  startRun({ catchUpTo: currentDay() });
});
$('play').addEventListener('click', () => {
  // An ended or waiting run has nothing to play (the button is disabled then); Reset starts over.
  if (!state.running) return;
  state.paused = !state.paused;
  send({ type: state.paused ? 'pause' : 'play' });
  updateTransport();
});
$('step').addEventListener('click', () => {
  if (!state.paused) {
    state.paused = true;
    send({ type: 'pause' });
  }
  send({ type: 'step' });
  updateTransport();
});
$('speed').addEventListener('input', () => send({ type: 'speed', delayMs: SPEEDS[Number($<HTMLInputElement>('speed').value)] }));
$('crisis').addEventListener('click', () => {
  // The crisis starts on the next day to be simulated: the days the class has seen stay as they were.
  const day = currentDay();
  state.crisisDay = day;
  state.caption = { crisisDate: dateOfDay(day), changes: [] };
  startRun({ catchUpTo: day });
});
$('reset').addEventListener('click', () => {
  leaveLesson();
  startLesson();
});
$('lesson-next').addEventListener('click', advanceLesson);
$('community-colour').addEventListener('change', scheduleRender);
$('network-day').addEventListener('input', () => {
  state.networkDay = Number($<HTMLInputElement>('network-day').value);
  scheduleDayRender();
});

/** Everything picked from disk goes through the one loader, whichever button was used. */
async function openFiles(list: FileList | null) {
  const files = [...(list ?? [])];
  const picked = await Promise.all(files.map(async (f) => ({
    name: f.name,
    path: (f as File & { webkitRelativePath?: string }).webkitRelativePath || undefined,
    bytes: new Uint8Array(await f.arrayBuffer()),
  })));
  const opened = openPicked(picked, { ...SHIPPED, ...state.userFiles });
  switch (opened.kind) {
    case 'refused':
      // The page stays as it was: nothing of a refused file is drawn or added to a menu.
      showProblems(opened.problems);
      return;
    case 'scenario':
      showProblems(null);
      state.userFiles[opened.name] = opened.text;
      // A file may extend another opened file: what was parsed before may no longer hold.
      parsed.clear();
      parsed.set(`${opened.name}\n${opened.text}`, opened.scenario);
      fillScenarioMenus();
      $<HTMLSelectElement>('scenario').value = opened.name;
      seedFromScenario(opened.name);
      if (state.teacher) setMode(true);
      else startRun();
      return;
    case 'run':
      showProblems(null);
      send({ type: 'cancel' });
      state.runId++;
      state.running = false;
      state.runs = [opened.run];
      // A run folder has no households to draw: the community view is for runs made in the page.
      state.community = null;
      // The opened run's own threshold (as `crsim report` uses), not the last live run's.
      state.recoveryThreshold = opened.recoveryThreshold;
      state.networkDay = null;
      state.sweep = null;
      renderHeatmap();
      setStatus(`${t('loadedRun')}: ${opened.run.label}`);
      updateTransport();
      scheduleRender();
      setRunState('loaded');
      return;
    case 'sweep':
      showProblems(null);
      openSweep(opened.table);
      setStatus(`${t('loadedSweep')}: ${opened.name}`);
      return;
  }
}
for (const id of ['run-files', 'run-dir']) {
  $(id).addEventListener('change', () => {
    const input = $<HTMLInputElement>(id);
    void openFiles(input.files).finally(() => {
      // The same file picked again (after fixing it on disk) must fire `change` again.
      input.value = '';
    });
  });
}

function openSweep(table: SweepTable) {
  state.sweep = table;
  const factors = factorColumns(table);
  const measures = measureColumns(table);
  const fill = (id: string, options: string[], pick: number) => {
    const s = $<HTMLSelectElement>(id);
    s.replaceChildren(...options.map((o) => Object.assign(new Option(columnLabel(o), o), { title: o })));
    s.value = options[Math.min(pick, options.length - 1)] ?? '';
  };
  fill('heat-x', factors, 0);
  fill('heat-y', factors, 1);
  // Default: a resilience measure if there is one, else the last column (summaries follow parameters).
  const preferred = measures.findIndex((m) => /robustness|loss/i.test(m));
  fill('heat-m', measures, preferred >= 0 ? preferred : measures.length - 1);
  renderHeatmap();
  $('card-heatmap').scrollIntoView({ behavior: 'smooth' });
}
for (const id of ['heat-x', 'heat-y', 'heat-m']) $(id).addEventListener('change', renderHeatmap);

// Teacher shortcuts, for a presenter's clicker or a keyboard at the front of the room. Space and
// arrows belong to a focused control (a switch, a slider, a chart); letters work anywhere but in
// text fields and menus.
document.addEventListener('keydown', (e) => {
  if (!state.teacher || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement;
  const typing = target.closest('input[type=number], input[type=text], select, textarea');
  const onControl = target.closest('input, select, textarea, button, svg');
  if (typing || (onControl && (e.key === ' ' || e.key.startsWith('Arrow')))) return;
  const click = (id: string) => {
    e.preventDefault();
    if (!($(id) as HTMLButtonElement).disabled) $(id).click();
  };
  if (e.key === ' ' || e.key === 'k') click('play');
  else if (e.key === 'ArrowRight' || e.key === '.') click('step');
  else if (e.key === 'c' || e.key === 'C') click('crisis');
});

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    scheduleRender();
    renderHeatmap();
  }, 150);
});

// Start: the language from the URL (?lang=zh) or the browser, the default scenario, one run.
const params = new URLSearchParams(location.search);
const initialLang: Lang = params.get('lang') === 'zh' || (!params.get('lang') && navigator.language.startsWith('zh')) ? 'zh' : 'en';
applyLanguage(initialLang);
$<HTMLSelectElement>('scenario').value = DEFAULT_SCENARIO;
seedFromScenario(DEFAULT_SCENARIO);
if (params.get('mode') === 'teacher') setMode(true);
else if (params.get('autorun') !== '0') startRun();
