import { call, describe, get, session } from './api.js';
import { showProblem } from './ui.js';
import { deploymentsPage, attentionPage } from './deployments.js';
import { deploymentPage } from './deployment.js';
import { appsPage, appPage, environmentsPage, pipelinesPage, clustersPage } from './catalog.js';
import { templatesPage, templatePage } from './templates.js';

const LEVELS = ['read', 'submit', 'admin'];

/**
 * Who is signed in (GET /api/tokens/self) and what that allows. Controls ask can() before they render,
 * so nothing the API would refuse this key is offered; why() says what is missing.
 */
export const access = {
  self: null,
  namespace: 'default',
  holds(capability) {
    return (this.self?.capabilities ?? []).includes(capability);
  },
  can(capability, namespace) {
    const scope = this.self?.namespace;
    return this.holds(capability) && (scope === '*' || namespace === undefined || scope === namespace);
  },
  why(capability, namespace) {
    if (!this.holds(capability)) return `Your key has '${this.highest()}'; this needs '${capability}'.`;
    return `Your token is scoped to namespace '${this.self.namespace}'; this is in '${namespace}'.`;
  },
  highest() {
    return LEVELS.filter(level => this.holds(level)).pop() ?? 'none';
  },
};

// Each page renders into the page element: (hash match, page, abort signal when the user leaves).
const routes = [
  [/^#?\/?$/, deploymentsPage],
  [/^#\/deployments$/, deploymentsPage],
  [/^#\/attention$/, attentionPage],
  [/^#\/deployments\/([0-9a-f-]{36})$/, deploymentPage],
  [/^#\/apps$/, appsPage],
  [/^#\/apps\/([0-9a-f-]{36})$/, appPage],
  [/^#\/environments$/, environmentsPage],
  [/^#\/pipelines$/, pipelinesPage],
  [/^#\/clusters$/, clustersPage],
  [/^#\/analysis-templates$/, templatesPage],
  [/^#\/analysis-templates\/([^/]+)$/, templatePage],
];

let leave = null;

/** Renders the page the hash names; a page may return a function that stops its live updates. */
async function route() {
  leave?.();
  leave = null;
  const page = document.getElementById('page');
  if (!access.self) return;
  const hash = location.hash.split('?')[0];
  const found = routes.map(([pattern, render]) => [hash.match(pattern), render]).find(([match]) => match);
  document.querySelectorAll('#nav a').forEach(link => link.toggleAttribute('aria-current', link.getAttribute('href') === (hash || '#/')));
  page.replaceChildren();
  if (!found) {
    page.textContent = 'No such page.';
    return;
  }

  const controller = new AbortController();
  leave = () => controller.abort();
  try {
    await found[1](found[0], page, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
    const message = document.createElement('p');
    message.className = 'problem';
    message.setAttribute('role', 'alert');
    message.textContent = describe(error);
    page.replaceChildren(message);
  }
}

/** Parameters after the hash's path: #/deployments?app=…&status=… */
export function hashQuery() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function showSignIn() {
  access.self = null;
  document.getElementById('sign-in').hidden = false;
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  document.getElementById('page').replaceChildren();
  document.getElementById('key').focus();
}

async function signedIn() {
  const self = await get('/api/tokens/self');
  access.self = self;
  const select = document.getElementById('namespace');
  const remembered = sessionStorage.getItem('deployments.namespace');
  access.namespace = self.namespaces.includes(remembered) ? remembered : self.namespaces.includes('default') ? 'default' : self.namespaces[0];
  select.replaceChildren(...self.namespaces.map(ns => new Option(ns, ns, false, ns === access.namespace)));
  document.getElementById('identity').textContent = `${self.name} · ${access.highest()}${self.namespace === '*' ? '' : ` in ${self.namespace}`}`;
  document.getElementById('sign-in').hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  await route();
}

async function start() {
  const form = document.getElementById('sign-in-form');
  const slot = form.querySelector('.problem');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const key = form.elements.key.value.trim();
    showProblem(slot, null);
    try {
      await call('/api/tokens/self', { key });
      session.signIn(key);
      form.reset();
      await signedIn();
    } catch (error) {
      showProblem(slot, error);
    }
  });
  document.getElementById('sign-out').addEventListener('click', () => { session.signOut(); leave?.(); showSignIn(); });
  document.getElementById('namespace').addEventListener('change', event => {
    access.namespace = event.target.value;
    sessionStorage.setItem('deployments.namespace', access.namespace);
    route();
  });
  window.addEventListener('hashchange', route);
  if (!session.key) return showSignIn();
  try {
    await signedIn();
  } catch {
    session.signOut();
    showSignIn();
  }
}

start();
