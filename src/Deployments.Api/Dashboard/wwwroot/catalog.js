import { get, post, query } from './api.js';
import { access, navigate } from './app.js';
import { appNames, deploymentLink } from './deployments.js';
import { badge, commandButton, field, h, option, shortId, table, time } from './ui.js';

const unavailable = (capability, namespace) => h('p', { class: 'muted' }, `Not available: ${access.why(capability, namespace)}`);

export async function appsPage(_, page, signal) {
  const namespace = access.namespace;
  const [apps, { clusters }] = await Promise.all([appNames(namespace, signal), get('/api/clusters', { signal })]);
  const clusterNames = new Map(clusters.map(c => [c.id, c.name]));
  page.replaceChildren(h('h1', {}, `Apps in ${namespace}`),
    table('Apps', ['App', 'Cluster', 'Environment', 'Groups', 'Current', 'Stable', 'Active deployment'],
      [...apps.values()].map(app => [
        h('a', { href: `#/apps/${app.id}` }, app.name),
        clusterNames.get(app.cluster_id) ?? shortId(app.cluster_id),
        app.environment ?? '—',
        Object.entries(app.groups).map(([g, n]) => `${g}×${n}`).join(', '),
        app.current_revision ? `r${app.current_revision}` : '—',
        app.stable_revision ? `r${app.stable_revision}` : '—',
        app.active_deployment_id ? deploymentLink({ id: app.active_deployment_id }) : '—',
      ]), 'No apps in this namespace.'));
}

/** An app's revisions, each with a rollback to it (a new deployment the page then follows). */
export async function appPage(match, page, signal) {
  const id = match[1];
  const [app, { revisions }] = await Promise.all([get(`/api/apps/${id}`, { signal }), get(`/api/apps/${id}/revisions`, { signal })]);
  const mayRollBack = access.can('submit', app.namespace);
  const rollback = revision => commandButton({
    label: revision ? `Roll back to r${revision}` : 'Roll back to last stable',
    message: `Start a deployment of ${app.name} at ${revision ? `revision ${revision}` : 'its last stable revision'}.`,
    takesReason: true,
    run: reason => post(`/api/apps/${id}/rollback`, { revision, reason }),
    done: deployment => navigate(`#/deployments/${deployment.id}`),
  });
  page.replaceChildren(
    h('h1', {}, `App ${app.name}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Namespace'), h('dd', {}, app.namespace),
      h('dt', {}, 'Current revision'), h('dd', {}, app.current_revision ? `r${app.current_revision}` : '—'),
      h('dt', {}, 'Stable revision'), h('dd', {}, app.stable_revision ? `r${app.stable_revision}` : '—'),
      h('dt', {}, 'Deployments'), h('dd', {}, h('a', { href: `#/deployments${query({ app: app.id })}` }, 'List this app\'s deployments'))),
    h('section', { 'aria-labelledby': 'rollback-title' }, h('h2', { id: 'rollback-title' }, 'Rollback'),
      mayRollBack ? rollback(undefined) : unavailable('submit', app.namespace)),
    h('section', { 'aria-labelledby': 'revisions-title' }, h('h2', { id: 'revisions-title' }, 'Revisions'),
      table('Revisions', ['Revision', 'Artifact', 'Stable', 'Created', ''],
        [...revisions].reverse().map(r => [
          `r${r.number}`,
          r.artifact.image ?? [r.artifact.command, ...(r.artifact.args ?? [])].join(' '),
          r.stable ? 'stable' : '',
          time(r.created_at),
          mayRollBack && r.number !== app.current_revision ? rollback(r.number) : '',
        ]))));
}

export async function environmentsPage(_, page, signal) {
  const namespace = access.namespace;
  const [{ environments }, { clusters }] = await Promise.all([get(`/api/environments${query({ namespace })}`, { signal }), get('/api/clusters', { signal })]);
  const clusterNames = new Map(clusters.map(c => [c.id, c.name]));
  const mayPromote = access.can('submit', namespace);
  const promote = environment => {
    const input = h('input', { id: `promote-${environment.name}-deployment`, autocomplete: 'off', spellcheck: 'false', placeholder: 'deployment id' });
    const scaleDown = h('input', { id: `promote-${environment.name}-scale-down`, type: 'checkbox', checked: true });
    return h('div', { class: 'inline-form' },
      field('Successful deployment to promote', input),
      h('div', { class: 'field checkbox' }, scaleDown, h('label', { for: scaleDown.id }, 'Scale down the previous one')),
      commandButton({
        label: `Promote to ${environment.name}`,
        message: `Make the deployment live in ${environment.name}${environment.requires_approval ? ' once someone approves it' : ''}.`,
        run: () => post(`/api/environments/${encodeURIComponent(environment.name)}/promote${query({ namespace })}`,
          { deployment_id: input.value.trim() || null, scale_down_previous_deployment: scaleDown.checked }),
        done: () => navigate(`#/deployments/${input.value.trim()}`),
      }));
  };
  page.replaceChildren(h('h1', {}, `Environments in ${namespace}`),
    table('Environments', ['Order', 'Environment', 'Cluster', 'Approval', 'Live deployment', 'Promote'],
      [...environments].sort((a, b) => a.order - b.order).map(e => [
        e.order, e.name, clusterNames.get(e.cluster_id) ?? shortId(e.cluster_id),
        e.requires_approval ? `required${e.approval_expiry ? ` (expires after ${e.approval_expiry})` : ''}` : 'no',
        e.live_deployment_id ? deploymentLink({ id: e.live_deployment_id }) : '—',
        mayPromote ? promote(e) : unavailable('submit', namespace),
      ]), 'No environments in this namespace.'));
}

export async function pipelinesPage(_, page, signal) {
  const namespace = access.namespace;
  const [{ pipelines }, apps] = await Promise.all([get(`/api/pipelines${query({ namespace })}`, { signal }), appNames(namespace, signal)]);
  const name = id => apps.get(id)?.name ?? shortId(id);
  const mayPromote = access.can('submit', namespace);
  const promote = pipeline => {
    const sources = pipeline.stages.slice(0, -1).flat();
    if (sources.length === 0) return h('span', { class: 'muted' }, 'One stage: nothing to promote to.');
    const source = h('select', { id: `pipeline-${pipeline.id}-source` }, sources.map(id => option(id, name(id))));
    return h('div', { class: 'inline-form' }, field('From app', source), commandButton({
      label: `Promote ${pipeline.name}`,
      message: 'Deploy the source app\'s last successful revision to every app of the next stage.',
      run: () => post(`/api/pipelines/${pipeline.id}/promote`, { source_app_id: source.value }),
      done: result => {
        const started = result.find?.(t => t.deployment_id);
        if (started) navigate(`#/deployments/${started.deployment_id}`);
      },
    }));
  };
  page.replaceChildren(h('h1', {}, `Pipelines in ${namespace}`),
    table('Pipelines', ['Pipeline', 'Stages', 'Created', 'Promote'],
      pipelines.map(p => [p.name, p.stages.map(stage => stage.map(name).join(' + ')).join(' → '), time(p.created_at),
        mayPromote ? promote(p) : unavailable('submit', namespace)]), 'No pipelines in this namespace.'));
}

export async function clustersPage(_, page, signal) {
  const { clusters } = await get('/api/clusters', { signal });
  page.replaceChildren(h('h1', {}, 'Clusters'),
    table('Clusters', ['Cluster', 'Region', 'Kind', 'Driver', 'Created'],
      clusters.map(c => [c.name, c.region, badge(c.kind), c.driver, time(c.created_at)]), 'No clusters.'));
}
