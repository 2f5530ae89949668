import { el, snippet, clock, getJson, postJson, showAlert, downloadWithToken } from './common.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['question', 'text', 'role', 'from', 'to', 'q'];

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const f of FIELDS) s[f] = p.get(f) || '';
  return s;
}

function params(state, { forApi = false } = {}) {
  const p = new URLSearchParams();
  for (const f of FIELDS) {
    if (!state[f]) continue;
    if (forApi && f === 'text' && state.question) continue;
    if (forApi && f === 'question' && !state.question) continue;
    p.set(f, state[f]);
  }
  return p;
}

function withLimit(params, limit) {
  const p = new URLSearchParams(params);
  p.set('limit', String(limit));
  return p;
}

let groups = [];
let mayCorrect = false;

async function loadChoices(state) {
  const filter = new URLSearchParams();
  if (state.role) filter.set('role', state.role);
  const [qs, facets] = await Promise.all([
    getJson(`api/questions?${withLimit(filter, 200)}`),
    getJson('api/search?size=1'),
  ]);
  groups = qs.questions;
  const select = $('question');
  select.replaceChildren(el('option', { value: '' }, '— choose a question —'));
  for (const g of qs.questions) {
    select.append(el('option', { value: g.id, selected: g.id === state.question }, `${g.label} (${g.interviews})`));
  }
  const roles = $('role');
  roles.replaceChildren(el('option', { value: '' }, 'All roles'));
  for (const r of facets.facets.role || []) {
    roles.append(el('option', { value: r.value, selected: r.value === state.role }, `${r.value} (${r.count})`));
  }
}

async function run(state) {
  for (const f of FIELDS) if ($(f) && $(f).tagName !== 'SELECT') $(f).value = state[f];
  showAlert($('alert'), '');
  $('answers').replaceChildren();
  $('more')?.remove();
  $('csv-line').hidden = true;
  if (!state.question && !state.text) {
    $('status').textContent = 'Choose a question, or type one in your own words.';
    return;
  }
  let res;
  try {
    res = await getJson(`api/compare?${params(state, { forApi: true })}`);
  } catch (e) {
    $('status').textContent = '';
    showAlert($('alert'), e.message);
    return;
  }
  const byText = !state.question;
  if (byText) {
    $('status').replaceChildren(`${res.total} answer${res.total === 1 ? '' : 's'} to questions closest in meaning to `,
      el('strong', {}, `“${state.text}”`), ', best first. Closest question group: ',
      el('a', { href: `compare.html?${new URLSearchParams({ question: res.question.id })}` }, res.question.label), '.');
  } else {
    $('status').replaceChildren(el('strong', {}, res.question.label), ` — ${res.total} candidate${res.total === 1 ? '' : 's'} answered it`);
  }
  showCorrections(byText ? null : res.question);
  $('csv').href = `api/compare.csv?${params(state, { forApi: true })}`;
  $('csv-line').hidden = res.total === 0;
  const list = $('answers');
  if (res.total === 0) {
    list.append(el('li', { class: 'empty' }, byText ? 'No question in these interviews is close in meaning to this one.'
      : 'Nobody in these interviews was asked this question.'));
  }
  appendAnswers(list, res.answers, state);
  showMore(list, res, state, 1);
}

/** The correction controls for a question group, to those who may correct it; hidden in a search by text. */
function showCorrections(question) {
  const box = $('correct');
  box.hidden = !mayCorrect || !question;
  if (box.hidden) return;
  box.dataset.group = question.id;
  $('new-label').value = question.label;
  const into = $('merge-into');
  into.replaceChildren(el('option', { value: '' }, '— another question —'));
  for (const g of groups) {
    if (g.id !== question.id) into.append(el('option', { value: g.id }, `${g.label} (${g.interviews})`));
  }
}

async function correct(path, body, after) {
  showAlert($('alert'), '');
  try {
    const r = await postJson(`api/questions/${path}`, body);
    $('status').textContent = `${r.correction.charAt(0).toUpperCase()}${r.correction.slice(1)}.`;
    const state = { ...readState(), ...after(r) };
    await loadChoices(state);
    history.replaceState(null, '', `?${params(state)}`);
    await run(state);
    $('status').prepend(el('span', { class: 'done' }, `${r.correction.charAt(0).toUpperCase()}${r.correction.slice(1)}. `));
  } catch (e) {
    showAlert($('alert'), e.message);
  }
}

/** Answers come a page at a time; a button under the list fetches the next page. */
function showMore(list, res, state, page) {
  $('more')?.remove();
  const shown = list.querySelectorAll('.answer-card').length;
  if (shown >= res.total) return;
  const button = el('button', { type: 'button', id: 'more', class: 'more' }, `Show more (${shown} of ${res.total} shown)`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const next = params(state, { forApi: true });
    next.set('page', String(page + 1));
    try {
      const more = await getJson(`api/compare?${next}`);
      appendAnswers(list, more.answers, state);
      showMore(list, more, state, page + 1);
    } catch (e) {
      button.disabled = false;
      showAlert($('alert'), e.message);
    }
  });
  list.after(button);
}

function appendAnswers(list, answers, state) {
  for (const a of answers) {
    const iv = a.interview;
    const who = a.speaker || iv.candidates.join(', ') || iv.title;
    const link = new URLSearchParams({ id: iv.id, pair: String(a.pair) });
    if (state.q) link.set('q', state.q);
    const card = el('li', { class: 'answer-card' },
      el('h2', {}, who),
      el('p', { class: 'facts' }, el('a', { href: `interview.html?${link}` }, iv.title), iv.date ? ` · ${iv.date}` : '', iv.role ? ` · ${iv.role}` : ''),
      el('p', { class: 'asked' }, el('span', { class: 'who' }, 'Asked: '), a.questionAsked),
    );
    if (a.closeness !== null && a.closeness !== undefined) {
      card.querySelector('h2').append(' ', el('span', { class: 'closeness', title: 'How close in meaning the question asked is to yours' },
        `${Math.round(a.closeness * 100)}% match`));
    }
    if (mayCorrect && state.question) {
      const split = el('button', { type: 'button', class: 'split' }, 'Not this question');
      split.addEventListener('click', () => correct('split', { interview: iv.id, pair: a.pair }, () => ({})));
      card.querySelector('.asked').append(' ', split);
    }
    const body = el('div', { class: 'answer-text' });
    for (const para of a.answerHtml.split(/\n\n+/)) body.append(snippet(el('p'), para));
    if (a.start !== null) {
      const at = el('p', { class: 'who' }, `Answer at ${clock(a.start)}`);
      if (iv.recording) {
        const play = new URLSearchParams(link);
        play.set('play', '1');
        at.append(' · ', el('a', { class: 'play', href: `interview.html?${play}`,
          title: `Open the interview here and play its recording from ${clock(a.start)}` },
        el('span', { 'aria-hidden': 'true' }, '▶ '), 'Play the recording'));
      }
      card.append(at);
    }
    card.append(body);
    list.append(card);
  }
}

function navigate(state) {
  history.pushState(null, '', `?${params(state)}`);
  run(state);
}

async function init() {
  const state = readState();
  try {
    const [, c] = await Promise.all([loadChoices(state), getJson('api/questions/corrections')]);
    mayCorrect = c.mayCorrect;
  } catch (e) {
    showAlert($('alert'), e.message);
  }
  $('rename-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    correct('rename', { group: $('correct').dataset.group, label: $('new-label').value.trim() }, () => ({}));
  });
  $('merge-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const into = $('merge-into').value;
    correct('merge', { from: $('correct').dataset.group, into }, (r) => ({ question: r.groups[0], text: '' }));
  });
  $('compare-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const s = {};
    for (const f of FIELDS) s[f] = $(f).value.trim();
    if (s.text && document.activeElement === $('text')) s.question = '';
    if (s.text && !s.question) s.question = '';
    navigate(s);
  });
  $('question').addEventListener('change', () => { $('text').value = ''; $('compare-form').requestSubmit(); });
  $('role').addEventListener('change', async () => {
    const s = { ...readState(), role: $('role').value };
    await loadChoices(s);
    $('compare-form').requestSubmit();
  });
  window.addEventListener('popstate', () => run(readState()));
  downloadWithToken($('csv'));
  run(state);
}

init();
