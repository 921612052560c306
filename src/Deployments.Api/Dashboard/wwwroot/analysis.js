import { call, get } from './api.js';
import { badge, h, table, time } from './ui.js';

export const ANALYSIS_INCONCLUSIVE = 'Deployment is paused: analysis inconclusive';

const SVG = 'http://www.w3.org/2000/svg';
// The chart's drawing box; the SVG scales to its container's width (viewBox), text stays readable down to a phone.
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 14, bottom: 34, left: 58 };

/** An SVG element, like h(): attributes, then children (strings become text, null is skipped). */
function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Whether a deployment's options ask for any analysis: a step's gate or background analysis. */
export const hasAnalysis = d => Boolean(d.options?.analysis || (d.options?.steps ?? []).some(step => step.analysis));

export const isInconclusive = d => (d.status_description ?? '').startsWith(ANALYSIS_INCONCLUSIVE);

const runTitle = run => run.kind === 'background' ? 'Background analysis' : `Step ${run.step} analysis`;

/** Durations as the API writes them ("1s", "00:00:01" in older answers) in seconds; null when unreadable. */
export function seconds(duration) {
  if (typeof duration === 'number') return duration;
  const text = String(duration ?? '');
  const units = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length > 0) return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
  const clock = text.match(/^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/);
  return clock ? Number(clock[1] ?? 0) * 86400 + Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4]) : null;
}

const FLIP = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' };
const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';
// A comparison counts only when no arithmetic, member access or call touches either side of it.
const BEFORE = '(?<![\\w.\\])*/%+-]\\s*)';
const AFTER = '(?!\\s*[\\w.\\[(*/%+-])';

/**
 * The horizontal lines a condition draws: every comparison of result[i] with a numeric constant, in either
 * order (result[0] < 0.05, 0.01 <= result[1]), anywhere in the expression (joined by && or ||). Anything
 * else in the condition (arithmetic, functions) draws no line: the chart never guesses a threshold.
 */
export function thresholds(condition, kind) {
  if (!condition) return [];
  const found = [];
  const left = new RegExp(`${BEFORE}result\\s*\\[\\s*(\\d+)\\s*\\]\\s*(<=|>=|==|!=|<|>)\\s*(${NUMBER})${AFTER}`, 'g');
  const right = new RegExp(`${BEFORE}(${NUMBER})\\s*(<=|>=|==|!=|<|>)\\s*result\\s*\\[\\s*(\\d+)\\s*\\]${AFTER}`, 'g');
  for (const [text, index, op, value] of condition.matchAll(left)) found.push({ kind, index: Number(index), op, value: Number(value), text });
  for (const [text, value, op, index] of condition.matchAll(right)) found.push({ kind, index: Number(index), op: FLIP[op], value: Number(value), text });
  return found.filter(t => Number.isFinite(t.value));
}

const formatValue = value => {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 0.001 || abs >= 1e6) ? value.toExponential(2) : String(Number(value.toPrecision(4)));
};

const clock = at => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Round tick values over [min, max]: 1, 2 or 5 times a power of ten apart. */
function ticks(min, max, count = 4) {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map(m => m * power).find(candidate => candidate >= raw) ?? raw;
  const first = Math.ceil(min / step) * step;
  const values = [];
  for (let v = first; v <= max + step * 1e-9; v += step) values.push(Number(v.toPrecision(12)));
  return values;
}

/** What the chart's aria-label and the legend say about a metric's latest measurement. */
function lastOf(metric) {
  const last = metric.measurements[metric.measurements.length - 1];
  if (!last) return { text: 'no measurements yet', last };
  if (last.phase === 'error') return { text: `last measurement #${last.sequence} an error (${last.error ?? 'no value'})`, last };
  return { text: `last value ${last.value.map(formatValue).join(', ')} (${last.phase})`, last };
}

/**
 * A metric's measurements over time as an SVG line chart: one line per series of result, points coloured by
 * their phase, errors marked on the time axis, and the thresholds its conditions compare against as dashed
 * lines. The x axis spans the run's planned measurements, so the chart fills up as the run measures.
 */
export function metricChart(run, metric) {
  const measurements = metric.measurements ?? [];
  const lines = [...thresholds(metric.success_condition, 'success'), ...thresholds(metric.failure_condition, 'failure')];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

  const times = measurements.map(m => Date.parse(m.at));
  const interval = (seconds(metric.interval) ?? 1) * 1000;
  const start = Math.min(Date.parse(run.started_at), ...times);
  const planned = metric.count ? start + interval * (metric.count + 0.5) : start;
  const end = Math.max(planned, ...times, start + interval);
  const x = at => MARGIN.left + ((at - start) / (end - start)) * plotWidth;

  const values = measurements.flatMap(m => m.value ?? []).filter(Number.isFinite);
  const all = [...values, ...lines.map(t => t.value)];
  let low = Math.min(0, ...all);
  let high = Math.max(0, ...all);
  if (high - low < 1e-12) high = low + 1;
  const pad = (high - low) * 0.12;
  high += pad;
  if (low < 0) low -= pad;
  const y = value => MARGIN.top + (1 - (value - low) / (high - low)) * plotHeight;
  const bottom = MARGIN.top + plotHeight;

  const series = Math.max(0, ...measurements.map(m => (m.value ?? []).length));
  const { text: lastText } = lastOf(metric);
  const label = `${metric.name} (${metric.provider}): ${lastText}; ${measurements.length}${metric.count ? ` of ${metric.count}` : ''} measurements; metric ${metric.phase}`
    + (lines.length ? `; thresholds ${lines.map(t => t.text).join(', ')}` : '');

  const yTicks = ticks(low, high);
  const chart = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart', 'data-metric': metric.name, 'data-points': measurements.length },
    s('title', {}, label),
    s('g', { class: 'grid', 'aria-hidden': 'true' },
      yTicks.map(v => [
        s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }),
        s('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, formatValue(v)),
      ]),
      s('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom }),
      s('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom }),
      s('text', { x: MARGIN.left, y: HEIGHT - 8, class: 'tick' }, clock(start)),
      s('text', { x: WIDTH - MARGIN.right, y: HEIGHT - 8, 'text-anchor': 'end', class: 'tick' }, clock(end))),
    s('g', { class: 'thresholds' }, lines.map(t => s('g', { class: `threshold threshold-${t.kind}`, 'data-condition': t.text, 'data-value': t.value },
      s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t.value), y2: y(t.value), 'stroke-dasharray': '6 4' }),
      s('text', { x: WIDTH - MARGIN.right - 4, y: y(t.value) - 5, 'text-anchor': 'end' }, `${t.kind}: ${t.text}`)))),
    [...Array(series).keys()].map(k => {
      const points = measurements.filter(m => Number.isFinite(m.value?.[k]));
      return s('g', { class: `series series-${k % 4}`, 'data-series': k },
        points.length > 1 ? s('polyline', { points: points.map(m => `${x(Date.parse(m.at))},${y(m.value[k])}`).join(' ') }) : null,
        points.map(m => s('circle', { class: `point phase-${m.phase}`, cx: x(Date.parse(m.at)), cy: y(m.value[k]), r: 4, 'data-phase': m.phase },
          s('title', {}, `#${m.sequence} at ${clock(m.at)}: ${series > 1 ? `result[${k}] = ` : ''}${formatValue(m.value[k])} (${m.phase})`))));
    }),
    s('g', { class: 'errors' }, measurements.filter(m => m.phase === 'error' || (m.value ?? []).length === 0).map(m => {
      const at = x(Date.parse(m.at));
      return s('path', { class: 'error-mark', d: `M${at - 5},${bottom - 5} L${at + 5},${bottom + 5} M${at - 5},${bottom + 5} L${at + 5},${bottom - 5}`, 'data-phase': m.phase },
        s('title', {}, `#${m.sequence} at ${clock(m.at)}: ${m.error ?? 'no value'}`));
    })));
  return chart;
}

/** The legend under a chart: each series' last value, and each threshold with its condition. */
function legend(metric) {
  const { last } = lastOf(metric);
  const rows = [];
  const values = last?.value ?? [];
  if (!last) rows.push(['—', '—', 'no measurements yet', '']);
  else if (values.length === 0) rows.push(['—', '—', h('span', { class: 'phase-text phase-error' }, last.phase), last.error ?? '']);
  else values.forEach((value, k) => rows.push([
    h('span', { class: `swatch series-${k % 4}` }, values.length > 1 ? `result[${k}]` : 'result[0]'),
    formatValue(value), h('span', { class: `phase-text phase-${last.phase}` }, last.phase), `#${last.sequence} at ${clock(last.at)}`]));
  return table(`Last values of ${metric.name}`, ['Series', 'Last value', 'Phase', 'Measurement'], rows);
}

function metricView(run, metric) {
  const conditions = [
    metric.success_condition ? `success when ${metric.success_condition}` : null,
    metric.failure_condition ? `failure when ${metric.failure_condition}` : null,
  ].filter(Boolean).join('; ');
  return h('figure', { class: 'metric', 'data-metric': metric.name },
    h('figcaption', {},
      h('strong', {}, metric.name), ' ', badge(metric.phase), ' ',
      h('span', { class: 'muted' }, `${metric.provider} · every ${metric.interval}${metric.count ? ` × ${metric.count}` : ''} · ${conditions}`),
      metric.query ? h('div', { class: 'mono muted query' }, metric.query) : null),
    metricChart(run, metric),
    legend(metric));
}

function runView(run) {
  return h('article', { class: `run phase-${run.phase}`, id: `analysis-run-${run.id}`, 'data-phase': run.phase, 'aria-labelledby': `analysis-run-${run.id}-title` },
    h('h3', { id: `analysis-run-${run.id}-title` }, runTitle(run), ' ', badge(run.phase)),
    h('p', { class: 'muted' }, `Templates ${run.templates.join(', ')} · started ${time(run.started_at)}${run.ended_at ? ` · ended ${time(run.ended_at)}` : ''}`),
    run.message ? h('p', { class: 'run-message' }, run.message) : null,
    run.metrics.map(metric => metricView(run, metric)));
}

/** The deployment page's Analysis section: every run, newest step first, each metric charted. */
export function analysisSection(report) {
  const runs = [...(report?.runs ?? [])].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
  return [
    h('h2', { id: 'analysis-title' }, 'Analysis'),
    ...(runs.length === 0 ? [h('p', { class: 'muted' }, 'No analysis has started yet: it runs once a step\'s instances are healthy.')] : runs.map(runView)),
  ];
}

/** The message of the run that left the deployment waiting, for the notice next to its commands. */
export const inconclusiveMessage = report =>
  (report?.runs ?? []).filter(run => run.phase === 'inconclusive').map(run => `${runTitle(run)}: ${run.message ?? 'inconclusive'}`).join(' ') || null;

/** Each metric's latest measurement of the inconclusive runs, as short text for a list. */
export function lastMeasurements(report) {
  const runs = (report?.runs ?? []).filter(run => run.phase === 'inconclusive');
  return runs.flatMap(run => run.metrics.map(metric => {
    const { last } = lastOf(metric);
    if (!last) return `${metric.name}: no measurements`;
    const value = last.value.length ? last.value.map(formatValue).join(', ') : last.error ?? 'no value';
    return `${metric.name}: ${value} (${last.phase})`;
  }));
}

export const readAnalysis = (id, signal) => get(`/api/deployments/${id}/analysis`, { signal });

/**
 * Follows a deployment's analysis with blocking reads: each answer comes when a measurement or verdict is
 * recorded (or after 30 s), and draw(report) is called with it. Stops when the signal aborts or done() says so.
 */
export async function followAnalysis(id, signal, draw, done) {
  let index = 0;
  let failures = 0;
  while (!signal.aborted && !done()) {
    try {
      const answer = await call(`/api/deployments/${id}/analysis?index=${index}&wait=30s`, { signal });
      index = answer.index ?? index;
      failures = 0;
      if (!signal.aborted) draw(answer.data);
    } catch {
      if (signal.aborted) return;
      await new Promise(resolve => setTimeout(resolve, Math.min(30000, 1000 * 2 ** failures++)));
    }
  }
}
