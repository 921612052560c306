import { call, get, post } from './api.js';
import { access } from './app.js';
import { badge, commandButton, field, h, option, shortId, table, time } from './ui.js';
import { REQUIRES_PROMOTION } from './deployments.js';
import { analysisSection, followAnalysis, hasAnalysis, inconclusiveMessage, isInconclusive, readAnalysis } from './analysis.js';

const TERMINAL = ['successful', 'failed', 'cancelled'];

/**
 * One deployment, kept current by blocking queries: each read waits (?index=&wait=) until the deployment
 * changes past the X-Modify-Index it last saw, then the page redraws with its allocations and timeline.
 * Its analysis has blocking reads of its own, since measurements arrive while the deployment itself is unchanged.
 */
export async function deploymentPage(match, page, signal) {
  const id = match[1];
  const path = `/api/deployments/${id}`;
  let current = await call(path, { signal });
  const app = await get(`/api/apps/${current.data.app_id}`, { signal }).catch(() => null);
  const live = h('p', { class: 'live muted', 'aria-live': 'polite' });
  const body = h('div');
  // The analysis section is one element that every redraw puts back, so its charts are redrawn only by its own reads.
  const analysis = h('section', { id: 'analysis', 'aria-labelledby': 'analysis-title' });
  let report = null;
  const drawAnalysis = fresh => {
    report = fresh;
    analysis.replaceChildren(...analysisSection(report));
    const notice = document.getElementById('inconclusive-message');
    if (notice) notice.textContent = inconclusiveMessage(report) ?? notice.textContent;
  };
  page.replaceChildren(h('h1', {}, `Deployment ${shortId(id)}`, app ? h('span', { class: 'muted' }, ` · ${app.name}`) : null), live, body);

  const refresh = async deployment => {
    const [allocations, events, fresh] = await Promise.all([get(`${path}/allocations`, { signal }), get(`${path}/events`, { signal }),
      hasAnalysis(deployment) ? readAnalysis(id, signal) : null]);
    if (fresh) drawAnalysis(fresh);
    // A confirmation is open for a command on this page: redraw once it closes, so its answer lands next to its button.
    const dialog = document.getElementById('confirm');
    if (dialog.open) await new Promise(resolve => dialog.addEventListener('close', resolve, { once: true }));
    if (!signal.aborted) render(body, deployment, allocations, events, redraw, hasAnalysis(deployment) ? { section: analysis, report } : null);
  };
  // After a command the answer is the new state; draw it at once rather than wait for the blocking read.
  const redraw = deployment => refresh(deployment).catch(() => {});
  await refresh(current.data);
  if (hasAnalysis(current.data)) followAnalysis(id, signal, drawAnalysis, () => TERMINAL.includes(current.data.status) && report?.runs.every(run => run.phase !== 'running'));

  (async () => {
    let failures = 0;
    while (!signal.aborted && !TERMINAL.includes(current.data.status)) {
      try {
        live.textContent = 'Live: updates as the deployment changes.';
        current = await call(`${path}?index=${current.index}&wait=30s`, { signal });
        await refresh(current.data);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        live.textContent = `Live updates interrupted (${error.message}); retrying.`;
        await new Promise(resolve => setTimeout(resolve, Math.min(30000, 1000 * 2 ** failures++)));
      }
    }
    if (!signal.aborted) live.textContent = `Finished: ${current.data.status}.`;
  })();
}

function render(body, d, allocations, events, redraw, analysis) {
  const focused = document.activeElement;
  body.replaceChildren(
    summary(d),
    keepCommands(body, commands(d, allocations, redraw, analysis?.report)),
    steps(d),
    analysis?.section ?? null,
    h('section', { 'aria-labelledby': 'groups-title' }, h('h2', { id: 'groups-title' }, 'Groups'),
      table('Groups', ['Group', 'Desired', 'Placed', 'Healthy', 'Unhealthy', 'Canaries', 'Promoted'],
        Object.entries(d.groups).map(([name, g]) => [name, g.desired, g.placed, g.healthy, g.unhealthy, g.canaries, g.promoted ? 'yes' : 'no']))),
    h('section', { 'aria-labelledby': 'allocations-title' }, h('h2', { id: 'allocations-title' }, 'Allocations'),
      table('Allocations', ['Id', 'Group', 'Revision', 'Canary', 'Health', 'Status', 'Address'],
        allocations.map(a => [h('span', { class: 'mono' }, shortId(a.id)), a.group, `r${a.revision}`, a.canary ? 'canary' : '', h('span', { class: `health-${a.health}` }, a.health),
          `${a.actual_status} (wants ${a.desired_status})`, a.address ?? '—']))),
    h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline'),
      h('ol', { class: 'timeline' }, events.map(e => h('li', {},
        h('time', { datetime: e.at }, time(e.at)), ' ', h('strong', {}, e.actor), ' ', h('span', { class: 'kind' }, e.kind), ': ', e.message)))));
  if (focused?.id && !focused.isConnected) document.getElementById(focused.id)?.focus();
}

/**
 * The commands drawn before, when the same ones are on offer: a refusal shown next to a button stays, and
 * keyboard focus stays on the button it was on.
 */
function keepCommands(body, fresh) {
  const old = body.querySelector('#commands');
  const signature = section => [...section.querySelectorAll('button, option, p.muted, .notice p')].map(node => `${node.className}:${node.value || node.textContent}`).join('|');
  fresh.dataset.signature = signature(fresh);
  return old && old.dataset.signature === fresh.dataset.signature ? old : fresh;
}

/** key=value, comma-separated; null (the fact is left out) when there are none. */
const pairs = entries => {
  const all = Object.entries(entries ?? {});
  return all.length === 0 ? null : all.map(([key, value]) => `${key}=${value}`).join(', ');
};

function summary(d) {
  const facts = [
    ['Status', badge(d.status)],
    ['Description', h('span', { id: 'status-description' }, d.status_description)],
    ['Namespace', d.namespace],
    ['Revision', d.previous_revision && d.previous_revision !== d.revision ? `r${d.previous_revision} → r${d.revision}` : `r${d.revision}`],
    ['Strategy', `${d.strategy}${d.instant ? ' (instant)' : ''}${d.kind !== 'rollout' ? ` · ${d.kind}` : ''}`],
    ['Created', `${time(d.created_at)} by ${d.created_by}`],
    ['Reason', d.reason ?? '—'],
    ['Awaiting approval for', d.awaiting_approval_for ?? null],
    ['Supersedes', d.supersedes ? h('a', { href: `#/deployments/${d.supersedes}` }, shortId(d.supersedes)) : null],
    ['Labels', pairs(d.metadata?.labels)],
    ['Annotations', pairs(d.metadata?.annotations)],
    ['Updated', time(d.updated_at)],
  ].filter(([, value]) => value !== null);
  return h('dl', { class: 'facts', id: 'summary', 'data-status': d.status }, facts.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

/**
 * What the rollout will do, card by card: each step's weight with what follows it (the orchestration pauses
 * after a step under 100 %: for its analysis to decide, for its duration, for a promotion, or not at all with
 * auto-promote), and the full rollout every canary ends with, which is a card of its own when the last step
 * stays under 100 %.
 */
function plannedSteps(options) {
  const list = options.steps ?? [];
  const planned = list.map(step => ({
    weight: step.instance_weight,
    then: step.instance_weight >= 100 ? 'full rollout'
      : step.analysis ? `then analysis (${step.analysis.templates.join(', ')})${step.pause ? `, pause ${step.pause}` : ''}`
      : step.pause ? `then pause ${step.pause}`
        : options.auto_promote ? 'then continue' : 'then wait for promotion',
  }));
  if (list.length > 0 && list[list.length - 1].instance_weight < 100) planned.push({ weight: 100, then: 'full rollout' });
  return planned;
}

function steps(d) {
  const planned = plannedSteps(d.options);
  if (d.strategy !== 'canary' || planned.length === 0) return null;
  return h('section', { 'aria-labelledby': 'steps-title' }, h('h2', { id: 'steps-title' }, 'Canary steps'),
    h('ol', { class: 'steps' }, planned.map((step, i) => {
      const number = i + 1;
      const state = number < d.current_step || d.status === 'successful' ? 'done' : number === d.current_step ? 'current' : 'next';
      return h('li', { class: `step ${state}`, 'aria-current': state === 'current' ? 'step' : null },
        h('span', { class: 'weight' }, `${step.weight}%`),
        h('span', { class: 'then' }, step.then),
        h('span', { class: 'muted' }, state));
    })));
}

/** The commands the key may give in this deployment's namespace and its state allows; each confirms first. */
function commands(d, allocations, redraw, report) {
  const section = h('section', { 'aria-labelledby': 'commands-title', id: 'commands' }, h('h2', { id: 'commands-title' }, 'Commands'));
  if (TERMINAL.includes(d.status)) {
    section.append(h('p', { class: 'muted' }, `The deployment is ${d.status}; it takes no more commands.`));
    return section;
  }
  if (!access.can('submit', d.namespace)) {
    section.append(h('p', { class: 'muted', id: 'commands-unavailable' }, `Commands are not available: ${access.why('submit', d.namespace)}`));
    return section;
  }

  const path = `/api/deployments/${d.id}`;
  const command = (label, name, message, options = {}) => commandButton({
    label, message, takesReason: options.takesReason, primary: options.primary, danger: options.danger,
    run: reason => post(`${path}/${name}`, options.body ? options.body(reason) : options.takesReason ? { reason } : {}),
    done: redraw,
  });
  const groups = Object.keys(d.groups);
  const canary = d.strategy === 'canary';
  const inconclusive = isInconclusive(d);
  const row = h('div', { class: 'commands' });
  if (inconclusive) {
    section.classList.add('urgent');
    section.append(h('div', { class: 'notice', role: 'status', id: 'inconclusive-notice' },
      h('strong', {}, 'Analysis inconclusive: the rollout waits for you.'),
      h('p', { id: 'inconclusive-message' }, inconclusiveMessage(report) ?? d.status_description),
      h('p', {}, 'Promote all to go on as if the analysis had succeeded, or Fail to stop the rollout (an auto-revert, when set, rolls back).')));
  }
  if (d.awaiting_approval_for) {
    row.append(
      command('Approve', 'approve', `Let this deployment go live in ${d.awaiting_approval_for}.`, { takesReason: true, primary: true }),
      command('Reject', 'reject', `Refuse this deployment's promotion into ${d.awaiting_approval_for}.`, { takesReason: true, danger: true }));
  }
  if (canary && Object.values(d.groups).some(g => !g.promoted)) {
    row.append(command('Promote all', 'promote', 'Promote the canaries of every group: the rollout proceeds to full scale.', { primary: d.status_description.startsWith(REQUIRES_PROMOTION) || inconclusive, body: () => ({ all: true }) }));
    if (groups.length > 1) {
      groups.filter(g => !d.groups[g].promoted).forEach(group =>
        row.append(command(`Promote ${group}`, 'promote', `Promote the canaries of group ${group} only.`, { body: () => ({ groups: [group] }) })));
    }
  }
  if (canary) row.append(command('Continue', 'continue', 'Go on to the next canary step now.'));
  if (d.status === 'paused') row.append(command('Resume', 'pause', 'Resume the rollout where it paused.', { body: () => ({ pause: false }) }));
  else row.append(command('Pause', 'pause', 'Pause the rollout; nothing moves until it is resumed.', { body: () => ({ pause: true }) }));
  row.append(
    command('Fail', 'fail', 'Mark the deployment failed (an auto-revert, when set, rolls back).', { takesReason: true, danger: true }),
    command('Cancel', 'cancel', 'Cancel the deployment, leaving what runs in place.', { takesReason: true, danger: true }));
  section.append(row);
  if (d.options.health_check === 'manual' && allocations.length > 0) section.append(allocationHealth(d, allocations, redraw));
  return section;
}

/** Manual health checks: the operator says which allocations are healthy. */
function allocationHealth(d, allocations, redraw) {
  const select = h('select', { id: 'health-allocation' }, allocations.map(a => option(a.id, `${shortId(a.id)} · ${a.group} · r${a.revision} · ${a.health}`)));
  const verdict = h('select', { id: 'health-verdict' }, option('healthy', 'Healthy'), option('unhealthy', 'Unhealthy'));
  const button = commandButton({
    label: 'Set allocation health',
    message: 'Record the chosen allocation\'s health; the rollout acts on it.',
    run: () => post(`/api/deployments/${d.id}/allocation-health`,
      verdict.value === 'healthy' ? { healthy_allocation_ids: [select.value] } : { unhealthy_allocation_ids: [select.value] }),
    done: redraw,
  });
  return h('div', { class: 'filters' }, field('Allocation', select), field('Health', verdict), button);
}

