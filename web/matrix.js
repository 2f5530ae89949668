import { el, getJson, showAlert } from './common.js';

const $ = (id) => document.getElementById(id);
const DEFAULT_COLUMNS = 5;

function readState() {
  const p = new URLSearchParams(location.search);
  return { role: p.get('role') || '', questions: (p.get('questions') || '').split(',').filter(Boolean) };
}

function withLimit(params, limit) {
  const p = new URLSearchParams(params);
  p.set('limit', String(limit));
  return p;
}

async function loadChoices(state) {
  const filter = new URLSearchParams();
  if (state.role) filter.set('role', state.role);
  const [qs, facets] = await Promise.all([getJson(`api/questions?${withLimit(filter, 40)}`), getJson('api/search?size=1')]);
  const roles = $('role');
  roles.replaceChildren(el('option', { value: '' }, 'All roles'));
  for (const r of facets.facets.role || []) roles.append(el('option', { value: r.value, selected: r.value === state.role }, r.value));
  const picker = $('picker');
  picker.replaceChildren();
  const chosen = state.questions.length ? state.questions : qs.questions.slice(0, DEFAULT_COLUMNS).map((g) => g.id);
  qs.questions.forEach((g, i) => {
    const id = `pick-${i}`;
    picker.append(el('div', { class: 'facet-value' },
      el('input', { type: 'checkbox', id, value: g.id, checked: chosen.includes(g.id) }),
      el('label', { for: id }, g.label, el('span', { class: 'count' }, String(g.interviews)))));
  });
  return chosen;
}

async function run(state) {
  showAlert($('alert'), '');
  const table = $('matrix');
  table.replaceChildren();
  if (!state.questions.length) { $('status').textContent = 'Tick the questions to compare.'; return; }
  const p = new URLSearchParams({ questions: state.questions.join(',') });
  if (state.role) p.set('role', state.role);
  let res;
  try {
    res = await getJson(`api/matrix?${p}`);
  } catch (e) { showAlert($('alert'), e.message); return; }
  $('status').textContent = `${res.rows.length} candidate${res.rows.length === 1 ? '' : 's'} × ${res.questions.length} question${res.questions.length === 1 ? '' : 's'}`;
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Candidate'));
  for (const q of res.questions) head.append(el('th', { scope: 'col' }, el('a', { href: `compare.html?question=${encodeURIComponent(q.id)}` }, q.label)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of res.rows) {
    const tr = el('tr', {}, el('th', { scope: 'row' }, row.candidate));
    for (const c of row.cells) {
      if (!c.answerStart) { tr.append(el('td', { class: 'never' }, 'not asked')); continue; }
      tr.append(el('td', {}, c.answerStart, ' ', el('a', { href: `interview.html?id=${encodeURIComponent(c.interviewId)}&pair=${c.pair}`, 'aria-label': `Read ${row.candidate}'s answer` }, 'read')));
    }
    body.append(tr);
  }
  table.append(body);
}

async function init() {
  const state = readState();
  try {
    state.questions = await loadChoices(state);
  } catch (e) { showAlert($('alert'), e.message); return; }
  $('role').addEventListener('change', async () => {
    const s = { role: $('role').value, questions: [] };
    s.questions = await loadChoices(s);
    history.pushState(null, '', `?${new URLSearchParams({ role: s.role, questions: s.questions.join(',') })}`);
    run(s);
  });
  $('matrix-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const s = { role: $('role').value, questions: [...document.querySelectorAll('#picker input:checked')].map((b) => b.value) };
    history.pushState(null, '', `?${new URLSearchParams({ role: s.role, questions: s.questions.join(',') })}`);
    run(s);
  });
  window.addEventListener('popstate', () => run(readState()));
  run(state);
}

init();
