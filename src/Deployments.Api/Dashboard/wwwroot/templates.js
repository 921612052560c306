import { call, post, query } from './api.js';
import { access, navigate } from './app.js';
import { commandButton, h, problemSlot, showProblem, table, time } from './ui.js';

const templatePath = (name, namespace) => `/api/analysis-templates/${encodeURIComponent(name)}${query({ namespace })}`;

/** A starting point for a new template: one web metric, judged by an error rate. */
const EXAMPLE = {
  name: 'error-rate',
  metrics: [{
    name: 'error-rate',
    provider: { web: { url: 'https://metrics.example.com/error-rate?app={{app}}', json_path: '$.value' } },
    interval: '30s',
    count: 5,
    success_condition: 'result[0] < 0.05',
    failure_condition: 'result[0] >= 0.1',
    failure_limit: 0,
  }],
  args: [],
};

const providerText = provider => provider?.prometheus
  ? `prometheus ${provider.prometheus.address}: ${provider.prometheus.query}`
  : provider?.web ? `web ${(provider.web.method ?? 'GET').toUpperCase()} ${provider.web.url} ${provider.web.json_path ?? '$'}` : 'none';

const schedule = m => `every ${m.interval}${m.count ? ` × ${m.count}` : ' until stopped'}${m.initial_delay && m.initial_delay !== '0s' ? ` after ${m.initial_delay}` : ''}`;

const conditions = m => [
  m.success_condition ? `success: ${m.success_condition}` : null,
  m.failure_condition ? `failure: ${m.failure_condition}` : null,
].filter(Boolean).join(' · ');

const limits = m => `failures ${m.failure_limit ?? 0}, inconclusive ${m.inconclusive_limit ?? 0}, errors in a row ${m.consecutive_error_limit ?? 4}`;

/**
 * A JSON editor: a labelled textarea and a submit button; send(value) is called with the parsed JSON and its
 * refusal (an RFC 9457 problem naming the fields, or a parse error) is shown under it.
 */
function jsonForm({ id, label, value, submit, send }) {
  const textarea = h('textarea', { id, name: id, rows: 18, spellcheck: 'false', autocomplete: 'off', class: 'mono json' });
  textarea.value = JSON.stringify(value, null, 2);
  const slot = problemSlot();
  const button = h('button', { type: 'submit', class: 'primary' }, submit);
  const form = h('form', { class: 'json-form' },
    h('label', { for: id }, label), textarea, h('div', {}, button), slot);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    showProblem(slot, null);
    let parsed;
    try {
      parsed = JSON.parse(textarea.value);
    } catch (error) {
      showProblem(slot, new Error(`The JSON does not parse: ${error.message}`));
      textarea.focus();
      return;
    }
    button.disabled = true;
    try {
      await send(parsed);
    } catch (error) {
      showProblem(slot, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** #/analysis-templates: the namespace's templates, each metric in a line, and a form that creates one. */
export async function templatesPage(_, page, signal) {
  const namespace = access.namespace;
  const { analysis_templates: templates } = await call(`/api/analysis-templates${query({ namespace })}`, { signal }).then(r => r.data);
  const mayWrite = access.can('admin', namespace);
  page.replaceChildren(
    h('h1', {}, `Analysis templates in ${namespace}`),
    h('p', { class: 'muted' }, 'The metrics that judge a canary: a step\'s analysis (options.steps[].analysis) or background analysis (options.analysis) names them.'),
    table('Analysis templates', ['Template', 'Metrics', 'Arguments', 'Updated'],
      templates.map(t => [
        h('a', { href: `#/analysis-templates/${encodeURIComponent(t.name)}` }, t.name),
        h('ul', { class: 'metric-list' }, t.metrics.map(m => h('li', {},
          h('strong', {}, m.name), ' ', h('span', { class: 'muted' }, `${m.provider?.prometheus ? 'prometheus' : m.provider?.web ? 'web' : 'none'} · ${schedule(m)}`),
          h('div', { class: 'mono' }, conditions(m))))),
        t.args.length ? t.args.map(a => a.value === null || a.value === undefined ? a.name : `${a.name}=${a.value}`).join(', ') : '—',
        time(t.updated_at),
      ]), 'No analysis templates in this namespace.'),
    h('section', { 'aria-labelledby': 'create-template-title' }, h('h2', { id: 'create-template-title' }, 'New template'),
      mayWrite
        ? jsonForm({
          id: 'template-json', label: 'Template (JSON)', value: EXAMPLE, submit: 'Create template',
          send: async body => {
            const created = await post(`/api/analysis-templates${query({ namespace })}`, body);
            navigate(`#/analysis-templates/${encodeURIComponent(created.name)}`);
          },
        })
        : h('p', { class: 'muted' }, `Not available: ${access.why('admin', namespace)}`)));
}

/** #/analysis-templates/{name}: one template, its metrics in full, and editing (PATCH) or deleting it. */
export async function templatePage(match, page, signal) {
  const name = decodeURIComponent(match[1]);
  const namespace = access.namespace;
  const template = (await call(templatePath(name, namespace), { signal })).data;
  const mayWrite = access.can('admin', namespace);
  page.replaceChildren(
    h('h1', {}, `Analysis template ${template.name}`),
    h('dl', { class: 'facts', id: 'template-summary' },
      h('dt', {}, 'Namespace'), h('dd', {}, template.namespace),
      h('dt', {}, 'Arguments'), h('dd', {}, template.args.length ? template.args.map(a => a.value == null ? `${a.name} (required)` : `${a.name} = ${a.value}`).join(', ') : '—'),
      h('dt', {}, 'Created'), h('dd', {}, time(template.created_at)),
      h('dt', {}, 'Updated'), h('dd', {}, time(template.updated_at))),
    h('section', { 'aria-labelledby': 'template-metrics-title' }, h('h2', { id: 'template-metrics-title' }, 'Metrics'),
      table('Metrics', ['Metric', 'Provider', 'Schedule', 'Conditions', 'Limits'],
        template.metrics.map(m => [h('strong', {}, m.name), h('span', { class: 'mono' }, providerText(m.provider)), schedule(m), h('span', { class: 'mono' }, conditions(m)), limits(m)]))),
    mayWrite ? h('section', { 'aria-labelledby': 'edit-template-title' }, h('h2', { id: 'edit-template-title' }, 'Edit'),
      h('p', { class: 'muted' }, 'What you send replaces the metrics and the arguments; the name and namespace stay.'),
      jsonForm({
        id: 'template-json', label: 'Metrics and arguments (JSON)', value: { metrics: template.metrics, args: template.args }, submit: 'Save template',
        send: async body => {
          await call(templatePath(name, namespace), { method: 'PATCH', body });
          navigate(location.hash);
        },
      }),
      commandButton({
        label: 'Delete template', danger: true,
        message: `Delete ${template.name}; deployments that name it can no longer start its analysis.`,
        run: () => call(templatePath(name, namespace), { method: 'DELETE' }),
        done: () => navigate('#/analysis-templates'),
      }))
      : h('p', { class: 'muted' }, `Editing is not available: ${access.why('admin', namespace)}`),
    h('p', {}, h('a', { href: '#/analysis-templates' }, 'All templates')));
}
