import { describe } from './api.js';

/** An element: attributes (on* are listeners, class, text), then children (strings, nodes, arrays; null skipped). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A place for a problem, next to the control that caused it. */
export function problemSlot() {
  return h('p', { class: 'problem', role: 'alert', hidden: true });
}

export function showProblem(slot, error) {
  slot.textContent = error ? describe(error) : '';
  slot.hidden = !error;
}

export const time = value => value ? new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

export const shortId = id => String(id).slice(0, 8);

export function badge(status) {
  return h('span', { class: `badge status-${status}` }, status);
}

/** A table with a caption (for screen readers), headers, and rows of cells (strings or nodes). */
export function table(caption, headers, rows, empty = 'Nothing here yet.') {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'scroll' },
    h('table', {},
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => h('td', { 'data-label': headers[i] }, cell)))))));
}

/**
 * Asks before a command runs: a modal dialog with the command's consequence and, when the API records
 * one, a reason. Resolves to { reason } or null when the user backs out.
 */
export function confirm({ title, message, confirmLabel = 'Confirm', takesReason = false }) {
  const dialog = document.getElementById('confirm');
  const form = document.getElementById('confirm-form');
  const reason = document.getElementById('confirm-reason');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  document.getElementById('confirm-reason-field').hidden = !takesReason;
  document.getElementById('confirm-no-reason').hidden = takesReason;
  reason.value = '';
  return new Promise(resolve => {
    const finish = result => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(result);
    };
    const onSubmit = event => { event.preventDefault(); finish({ reason: reason.value.trim() || undefined }); };
    const onCancel = event => { event.preventDefault(); finish(null); };
    const cancel = document.getElementById('confirm-cancel');
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    (takesReason ? reason : document.getElementById('confirm-ok')).focus();
  });
}

/**
 * A command button with its own problem slot: confirm, run, then show the API's refusal right here.
 * run(reason) returns a promise; done(result) follows a success.
 */
export function commandButton({ label, title, message, takesReason = false, run, done, primary = false, danger = false }) {
  const slot = problemSlot();
  const button = h('button', { type: 'button', id: `command-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, class: [primary && 'primary', danger && 'danger'].filter(Boolean).join(' ') || null }, label);
  button.addEventListener('click', async () => {
    showProblem(slot, null);
    const answer = await confirm({ title: title ?? label, message, confirmLabel: label, takesReason });
    if (!answer) { button.focus(); return; }
    button.disabled = true;
    try {
      const result = await run(answer.reason);
      done?.(result);
    } catch (error) {
      showProblem(slot, error);
    } finally {
      button.disabled = false;
      if (button.isConnected) button.focus();
    }
  });
  return h('div', { class: 'command' }, button, slot);
}

/** A labelled control: label first, then the control (which must have an id). */
export function field(labelText, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hint ? h('small', { class: 'muted' }, hint) : null);
}

export function option(value, label, selected) {
  return h('option', { value, selected: selected ? true : null }, label ?? value);
}
