import { el, snippet, clock, getJson, showAlert, ApiError } from './common.js';

const FACETS = [
  ['candidate', 'Candidate'], ['role', 'Role'], ['interviewer', 'Interviewer'],
  ['skill', 'Skill'], ['question', 'Question'], ['year', 'Year'], ['tag', 'Tag'], ['format', 'Format'],
];
const PAGE_SIZE = 10;
const FACET_SHOWN = 8;
const expanded = new Set();
const $ = (id) => document.getElementById(id);

let inflight = null;
let typingTimer = null;

/** The search state lives in the URL, so searches can be bookmarked and Back works. */
function readState() {
  const p = new URLSearchParams(location.search);
  const filters = {};
  for (const [dim] of FACETS) filters[dim] = p.getAll(dim);
  return {
    q: p.get('q') || '',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    sort: p.get('sort') || 'relevance',
    mode: p.get('mode') || 'keyword',
    in: p.get('in') || 'all',
    filters,
  };
}

function toParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const [dim] of FACETS) for (const v of state.filters[dim] || []) p.append(dim, v);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.in !== 'all') p.set('in', state.in);
  if (state.mode && state.mode !== 'keyword') p.set('mode', state.mode);
  if (state.page > 1) p.set('page', String(state.page));
  return p;
}

function navigate(state, { replace = false } = {}) {
  const qs = toParams(state).toString();
  const url = qs ? `?${qs}` : location.pathname;
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  run(state);
}

async function run(state) {
  $('q').value !== state.q && document.activeElement !== $('q') && ($('q').value = state.q);
  $('sort').value = state.sort;
  $('in').value = state.in;
  $('mode').value = state.mode;
  sayHowItSearches(state.mode);
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const params = toParams(state);
  params.set('size', String(PAGE_SIZE));
  document.body.setAttribute('aria-busy', 'true');
  try {
    const res = await getJson(`api/search?${params}`, inflight.signal);
    showAlert($('alert'), '');
    render(state, res);
  } catch (e) {
    if (e.name === 'AbortError') return;
    renderError(e);
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

function renderError(e) {
  $('results').replaceChildren();
  $('pager').replaceChildren();
  if (e instanceof ApiError && e.status === 400) {
    $('status').textContent = 'Your search could not be run.';
    showAlert($('alert'), e.message);
  } else if (e instanceof ApiError && e.status === 503) {
    $('status').textContent = 'The archive is empty.';
    showAlert($('alert'), e.message);
  } else {
    $('status').textContent = '';
    showAlert($('alert'), e.message || 'Something went wrong.');
  }
}

function render(state, res) {
  const t = res.total;
  const what = state.q ? `for “${state.q}”` : '';
  $('status').replaceChildren(
    `${t.interviews} interview${t.interviews === 1 ? '' : 's'}`,
    state.q ? `, ${t.answers} matching answer${t.answers === 1 ? '' : 's'} ${what}` : '',
    filtersSaid(state),
    ` (${res.tookMs} ms)`);
  if (res.timedOut) {
    $('status').append(el('span', { class: 'timed-out', role: 'note' },
      ' The search hit its time limit: these are the results found so far, and the counts are lower bounds. A more specific query will be complete.'));
  }
  if (res.didYouMean) {
    const link = el('a', { href: `?${toParams({ ...state, q: res.didYouMean, page: 1 })}`, class: 'did-you-mean' }, res.didYouMean);
    link.addEventListener('click', (ev) => { ev.preventDefault(); $('q').value = res.didYouMean; navigate({ ...state, q: res.didYouMean, page: 1 }); });
    $('status').append(el('span', {}, ' Did you mean ', link, '?'));
  }
  renderFacets(state, res.facets);
  const list = $('results');
  list.replaceChildren();
  if (res.results.length === 0) {
    list.append(el('li', { class: 'empty' },
      el('p', {}, state.q ? 'No interview matches this search.' : 'No interviews match these filters.'),
      el('p', { class: 'hint' }, 'Try fewer words, a broader term, or remove a filter.')));
  }
  for (const hit of res.results) list.append(card(state, hit));
  renderPager(state, t.interviews);
}

/** The active filters in words, for the status line that screen readers announce. */
function filtersSaid(state) {
  const parts = FACETS.filter(([dim]) => (state.filters[dim] || []).length)
    .map(([dim, label]) => `${label}: ${state.filters[dim].join(' or ')}`);
  return parts.length ? `, filtered by ${parts.join('; ')}` : '';
}

function interviewLink(state, id, pair) {
  const p = new URLSearchParams({ id });
  if (pair !== undefined && pair !== null) p.set('pair', String(pair));
  if (state.q) p.set('q', state.q);
  p.set('from', location.search);
  return `interview.html?${p}`;
}

function compareLink(group, state) {
  const p = new URLSearchParams({ question: group });
  if (state.q) p.set('q', state.q);
  for (const r of state.filters.role || []) p.append('role', r);
  return `compare.html?${p}`;
}

function card(state, hit) {
  const iv = hit.interview;
  const facts = [iv.date, iv.candidates.join(', '), iv.role].filter(Boolean).join(' · ');
  const li = el('li', { class: 'card' });
  li.append(el('h2', {}, el('a', { href: interviewLink(state, iv.id, hit.matches[0]?.pair) }, iv.title)));
  li.append(el('p', { class: 'facts' }, facts,
    iv.interviewers.length ? ` · interviewed by ${iv.interviewers.join(', ')}` : ''));
  if (iv.skills.length || iv.tags.length) {
    const chips = el('p', { class: 'tags' });
    for (const s of iv.skills.slice(0, 8)) {
      const chip = el('a', { class: 'chip skill', href: `?${toParams({ ...state, filters: { ...state.filters, skill: [s] }, page: 1 })}`,
        title: `Only interviews that mention ${s}` }, s);
      chip.addEventListener('click', (ev) => {
        ev.preventDefault();
        const cur = new Set(state.filters.skill || []);
        cur.add(s);
        navigate({ ...state, filters: { ...state.filters, skill: [...cur] }, page: 1 });
      });
      chips.append(chip);
    }
    for (const t of iv.tags) chips.append(el('span', { class: 'chip' }, t));
    li.append(chips);
  }
  for (const m of hit.matches) {
    const block = el('div', { class: 'match' });
    if (m.question) {
      block.append(snippet(el('p', { class: 'question' }), m.questionSnippet));
    }
    const who = el('span', { class: 'who' }, m.speaker || 'Answer', m.start !== null ? ` · ${clock(m.start)}` : '');
    const answer = snippet(el('span', { class: 'text' }), m.answerSnippet);
    block.append(el('p', { class: 'answer' }, who, ' ', answer));
    const links = el('p', { class: 'links' }, el('a', { class: 'open', href: interviewLink(state, iv.id, m.pair) }, 'Read in context'));
    if (iv.recording && m.start !== null) {
      links.append(' · ', el('a', { class: 'play', href: `${interviewLink(state, iv.id, m.pair)}&play=1`,
        title: `Open the interview here and play its recording from ${clock(m.start)}` },
      el('span', { 'aria-hidden': 'true' }, '▶ '), `Recording at ${clock(m.start)}`));
    }
    if (m.questionGroup) {
      links.append(' · ', el('a', { class: 'compare', href: compareLink(m.questionGroup, state) }, 'Compare this question across candidates'));
    }
    block.append(links);
    li.append(block);
  }
  return li;
}

function renderFacets(state, facets) {
  const aside = $('facets');
  // The facets are drawn again after each change: the control that had the focus gets it back.
  const hadFocus = aside.contains(document.activeElement) ? document.activeElement.id : null;
  aside.replaceChildren(el('h2', { class: 'visually-hidden' }, 'Filters'));
  for (const [dim, label] of FACETS) {
    const values = [...(facets[dim] || [])];
    for (const sel of state.filters[dim] || []) {
      if (!values.some((v) => v.value === sel)) values.push({ value: sel, count: 0 });
    }
    if (values.length === 0) continue;
    const fs = el('fieldset', { class: 'facet', 'data-facet': dim }, el('legend', {}, label));
    const shown = expanded.has(dim) ? values.length : FACET_SHOWN;
    values.forEach((v, i) => {
      if (i >= shown && !(state.filters[dim] || []).includes(v.value)) return;
      const id = `f-${dim}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
      const box = el('input', { type: 'checkbox', id, value: v.value, checked: (state.filters[dim] || []).includes(v.value) });
      box.addEventListener('change', () => {
        const cur = new Set(state.filters[dim] || []);
        if (box.checked) cur.add(v.value); else cur.delete(v.value);
        navigate({ ...state, filters: { ...state.filters, [dim]: [...cur] }, page: 1 });
      });
      fs.append(el('div', { class: 'facet-value' }, box, el('label', { for: id }, v.label || v.value, el('span', { class: 'count' }, String(v.count)))));
    });
    if (values.length > FACET_SHOWN) {
      const more = el('button', { type: 'button', class: 'more', id: `more-${dim}`, 'aria-expanded': String(expanded.has(dim)) },
        expanded.has(dim) ? 'Show fewer' : `Show all ${values.length}`);
      more.addEventListener('click', () => {
        if (expanded.has(dim)) expanded.delete(dim); else expanded.add(dim);
        renderFacets(state, facets);
      });
      fs.append(more);
    }
    aside.append(fs);
  }
  const active = FACETS.some(([dim]) => (state.filters[dim] || []).length);
  if (active) {
    const clear = el('button', { type: 'button', class: 'clear', id: 'clear-filters' }, 'Clear filters');
    clear.addEventListener('click', () => { navigate({ ...state, filters: {}, page: 1 }); $('q').focus(); });
    aside.append(clear);
  }
  if (hadFocus) document.getElementById(hadFocus)?.focus();
}

function renderPager(state, total) {
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (page, text, label) => {
    const a = el('a', { href: `?${toParams({ ...state, page })}`, 'aria-label': label }, text);
    a.addEventListener('click', (ev) => { ev.preventDefault(); navigate({ ...state, page }); window.scrollTo(0, 0); });
    return a;
  };
  if (state.page > 1) nav.append(go(state.page - 1, '← Previous', 'Previous page'));
  nav.append(el('span', { class: 'page', 'aria-current': 'page' }, `Page ${state.page} of ${pages}`));
  if (state.page < pages) nav.append(go(state.page + 1, 'Next →', 'Next page'));
}

// ---- suggestions --------------------------------------------------------------------------------

let suggestTimer = null;
let suggestions = [];
let active = -1;

function showSuggestions(open) {
  $('suggestions').hidden = !open;
  $('q').setAttribute('aria-expanded', String(open));
  if (!open) setActive(-1);
}

/** Marks option {@code i} as the one Enter takes; the focus stays in the search box (ARIA combobox). */
function setActive(i) {
  active = i;
  const items = [...$('suggestions').children];
  items.forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
  if (i >= 0 && items[i]) $('q').setAttribute('aria-activedescendant', items[i].id);
  else $('q').removeAttribute('aria-activedescendant');
}

async function suggest(prefix) {
  const box = $('suggestions');
  if (prefix.trim().length < 2) { showSuggestions(false); return; }
  try {
    const res = await getJson(`api/suggest?prefix=${encodeURIComponent(prefix)}`);
    suggestions = res.suggestions.slice(0, 8);
    box.replaceChildren();
    suggestions.forEach((s, i) => {
      const opt = el('li', { role: 'option', id: `suggestion-${i}`, 'aria-selected': 'false', 'data-type': s.type },
        s.value, el('span', { class: 'kind' }, ` ${s.type}`));
      opt.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(s); });
      box.append(opt);
    });
    showSuggestions(suggestions.length > 0);
  } catch { showSuggestions(false); }
}

function pick(s) {
  showSuggestions(false);
  const state = readState();
  if (s.type === 'candidate' || s.type === 'role' || s.type === 'skill') {
    const cur = new Set(state.filters[s.type] || []);
    cur.add(s.value);
    $('q').value = '';
    navigate({ ...state, q: '', filters: { ...state.filters, [s.type]: [...cur] }, page: 1 });
  } else {
    $('q').value = s.value;
    navigate({ ...state, q: s.value, page: 1 });
  }
}

const KEYWORD_HELP = document.getElementById('search-help')?.innerHTML;

/** The help under the search box says how the chosen mode finds answers. */
function sayHowItSearches(mode) {
  const help = $('search-help');
  if (mode === 'keyword') {
    help.innerHTML = KEYWORD_HELP;
  } else {
    help.textContent = mode === 'hybrid'
      ? 'Answers are found by your words and by their meaning: "leading a migration" also finds "I drove the move off the old monolith". Best matches first.'
      : 'Answers are found by their meaning alone, closest first; the words need not occur.';
  }
}

/** Shows the choice of finding answers by meaning when the archive was indexed for it. */
async function offerMeaningSearch(state) {
  try {
    const health = await getJson('api/health');
    const on = health.semantic === true || state.mode !== 'keyword';
    $('mode').hidden = !on;
    document.querySelector('label[for=mode]').hidden = !on;
  } catch { /* the search itself reports an unreachable server */ }
}

// ---- wiring -------------------------------------------------------------------------------------

function init() {
  const q = $('q');
  const state = readState();
  q.value = state.q;
  q.addEventListener('input', () => {
    clearTimeout(typingTimer);
    clearTimeout(suggestTimer);
    typingTimer = setTimeout(() => navigate({ ...readState(), q: q.value.trim(), page: 1 }, { replace: true }), 250);
    suggestTimer = setTimeout(() => suggest(q.value), 120);
  });
  q.addEventListener('keydown', (ev) => {
    const open = !$('suggestions').hidden;
    if (ev.key === 'Escape' && open) { ev.preventDefault(); showSuggestions(false); }
    if (!open) return;
    const n = $('suggestions').children.length;
    if (ev.key === 'ArrowDown') { ev.preventDefault(); setActive((active + 1) % n); }
    if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(active <= 0 ? n - 1 : active - 1); }
    if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); clearTimeout(typingTimer); pick(suggestions[active]); }
  });
  q.addEventListener('blur', () => setTimeout(() => showSuggestions(false), 150));
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(typingTimer);
    clearTimeout(suggestTimer);
    showSuggestions(false);
    navigate({ ...readState(), q: q.value.trim(), page: 1 });
  });
  $('sort').addEventListener('change', () => navigate({ ...readState(), sort: $('sort').value, page: 1 }));
  $('in').addEventListener('change', () => navigate({ ...readState(), in: $('in').value, page: 1 }));
  $('mode').addEventListener('change', () => navigate({ ...readState(), mode: $('mode').value, page: 1 }));
  offerMeaningSearch(state);
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== q && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) {
      ev.preventDefault();
      q.focus();
      q.select();
    }
  });
  window.addEventListener('popstate', () => { const s = readState(); q.value = s.q; run(s); });
  run(state);
}

init();
