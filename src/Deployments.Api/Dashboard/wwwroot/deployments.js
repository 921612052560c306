import { get, post, query } from './api.js';
import { access, hashQuery, navigate } from './app.js';
import { badge, commandButton, field, h, option, problemSlot, shortId, showProblem, table, time } from './ui.js';
import { isInconclusive, lastMeasurements, readAnalysis } from './analysis.js';

const STATUSES = ['pending', 'running', 'paused', 'promoting', 'successful', 'failed', 'cancelled'];
const ACTIVE = ['pending', 'running', 'paused', 'promoting'];
const PAGE_SIZE = 20;
export const REQUIRES_PROMOTION = 'Deployment is running but requires manual promotion';

export const deploymentLink = d => h('a', { href: `#/deployments/${d.id}`, class: 'mono' }, shortId(d.id));

/** Apps of a namespace by id, for showing names where the API gives ids. */
export async function appNames(namespace, signal) {
  const { apps } = await get(`/api/apps${query({ namespace })}`, { signal });
  return new Map(apps.map(app => [app.id, app]));
}

function deploymentRows(deployments, apps) {
  return deployments.map(d => [
    deploymentLink(d),
    apps.get(d.app_id)?.name ?? shortId(d.app_id),
    d.namespace,
    `r${d.revision}`,
    d.strategy,
    badge(d.status),
    d.status_description,
    time(d.created_at),
  ]);
}

const HEADERS = ['Id', 'App', 'Namespace', 'Revision', 'Strategy', 'Status', 'Description', 'Created'];

/** #/deployments?app=&status=&prefix=: the namespace's deployments, newest first, a page at a time. */
export async function deploymentsPage(_, page, signal) {
  const params = hashQuery();
  const namespace = access.namespace;
  const apps = await appNames(namespace, signal);
  const filters = { app: params.get('app') ?? '', status: params.get('status') ?? '', prefix: params.get('prefix') ?? '' };
  const tokens = [undefined];
  const results = h('div', { id: 'results' });
  const slot = problemSlot();
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });

  const appSelect = h('select', { id: 'filter-app', name: 'app' }, option('', 'Any app'), [...apps.values()].map(app => option(app.id, app.name, app.id === filters.app)));
  const statusSelect = h('select', { id: 'filter-status', name: 'status' }, option('', 'Any status'), option('active', 'Active', filters.status === 'active'),
    STATUSES.map(status => option(status, status, status === filters.status)));
  const prefixInput = h('input', { id: 'filter-prefix', name: 'prefix', value: filters.prefix, autocomplete: 'off', placeholder: 'e.g. 3fa8', spellcheck: 'false' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter deployments' },
    field('App', appSelect), field('Status', statusSelect), field('Id prefix', prefixInput, 'An even number of hex digits'),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Apply')), slot);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = query({ app: appSelect.value, status: statusSelect.value, prefix: prefixInput.value.trim() });
    navigate(`#/deployments${next}`);
  });

  async function load(pageNumber) {
    showProblem(slot, null);
    try {
      const status = filters.status === 'active' ? ACTIVE : filters.status;
      const found = await get(`/api/deployments${query({ namespace, app_id: filters.app, status, prefix: filters.prefix, page_size: PAGE_SIZE, next_token: tokens[pageNumber] })}`, { signal });
      tokens[pageNumber + 1] = found.next_token;
      results.replaceChildren(table('Deployments', HEADERS, deploymentRows(found.deployments, apps), 'No deployments match.'));
      pager.replaceChildren(
        h('button', { type: 'button', disabled: pageNumber === 0 ? true : null, onclick: () => load(pageNumber - 1) }, 'Previous page'),
        h('span', {}, `Page ${pageNumber + 1}`),
        h('button', { type: 'button', disabled: found.next_token ? null : true, onclick: () => load(pageNumber + 1) }, 'Next page'));
    } catch (error) {
      if (!signal.aborted) showProblem(slot, error);
    }
  }

  page.replaceChildren(h('h1', {}, `Deployments in ${namespace}`), form, results, pager);
  await load(0);
}

/** Everything waiting for a person, across the namespaces this key may see. */
export async function attentionPage(_, page, signal) {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
  const promotion = [];
  const approval = [];
  const paused = [];
  const inconclusive = [];
  const failed = [];
  const names = new Map();
  for (const namespace of access.self.namespaces) {
    const [active, recentFailures, apps] = await Promise.all([
      get(`/api/deployments${query({ namespace, status: ACTIVE, page_size: 500 })}`, { signal }),
      get(`/api/deployments${query({ namespace, status: 'failed', page_size: 100 })}`, { signal }),
      appNames(namespace, signal),
    ]);
    apps.forEach((app, id) => names.set(id, app));
    for (const d of active.deployments) {
      if (d.awaiting_approval_for) approval.push(d);
      else if (d.status_description.startsWith(REQUIRES_PROMOTION)) promotion.push(d);
      else if (isInconclusive(d)) inconclusive.push(d);
      else if (d.status === 'paused') paused.push(d);
    }
    failed.push(...recentFailures.deployments.filter(d => new Date(d.updated_at) >= dayAgo));
  }
  const reports = new Map(await Promise.all(inconclusive.map(async d => [d.id, await readAnalysis(d.id, signal).catch(() => null)])));

  const section = (id, title, list, extra) => h('section', { 'aria-labelledby': id },
    h('h2', { id }, `${title} (${list.length})`),
    table(title, [...HEADERS, ...(extra ? [extra.header] : [])],
      deploymentRows(list, names).map((row, i) => extra ? [...row, extra.cell(list[i])] : row), 'None.'));
  page.replaceChildren(
    h('h1', {}, 'Needs attention'),
    h('p', { class: 'muted' }, `Across ${access.self.namespaces.length === 1 ? 'namespace' : 'namespaces'} ${access.self.namespaces.join(', ')}.`),
    section('attention-promotion', 'Canaries waiting for promotion', promotion),
    section('attention-approval', 'Approvals pending', approval, { header: 'Environment', cell: d => d.awaiting_approval_for }),
    section('attention-inconclusive', 'Analysis inconclusive', inconclusive, {
      header: 'Last measurements / decide',
      cell: d => h('div', { class: 'decide' },
        h('ul', { class: 'measurements' }, (reports.has(d.id) && reports.get(d.id) ? lastMeasurements(reports.get(d.id)) : ['(analysis unavailable)']).map(line => h('li', {}, line))),
        decision(d)),
    }),
    section('attention-paused', 'Paused', paused),
    section('attention-failed', 'Failed in the last day', failed));
}

/**
 * Promote and Fail for a deployment an inconclusive analysis holds, named by its id so each row's buttons are
 * told apart; without the capability, a link to its page (which says why the commands are missing).
 */
function decision(d) {
  if (!access.can('submit', d.namespace)) return h('a', { href: `#/deployments/${d.id}` }, 'Open to decide');
  const done = () => navigate('#/attention');
  return h('div', { class: 'commands' },
    commandButton({
      label: `Promote ${shortId(d.id)}`, primary: true, done,
      message: 'Promote every group\'s canaries: the rollout goes on as if the analysis had succeeded.',
      run: () => post(`/api/deployments/${d.id}/promote`, { all: true }),
    }),
    commandButton({
      label: `Fail ${shortId(d.id)}`, danger: true, takesReason: true, done,
      message: 'Mark the deployment failed (an auto-revert, when set, rolls back).',
      run: reason => post(`/api/deployments/${d.id}/fail`, { reason }),
    }));
}
