import { el, clock, getJson, showAlert } from './common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const id = params.get('id');
const target = params.has('pair') ? Number(params.get('pair')) : null;
const query = params.get('q') || '';
const playOnOpen = params.get('play') === '1';

/** The recording's player, under the interview's facts; {@code null} when there is no recording. */
function player(rec) {
  if (!rec) return null;
  const media = el(rec.kind === 'audio' ? 'audio' : 'video', { id: 'player', class: 'player', controls: true, preload: 'metadata', src: rec.url });
  media.append(`Your browser cannot play this recording here: `, el('a', { href: rec.url }, 'open it'), '.');
  $('meta').after(el('section', { class: 'recording', 'aria-labelledby': 'recording-title' },
    el('h2', { id: 'recording-title' }, 'Recording'), media));
  return media;
}

/** Plays the recording from {@code seconds}, once the browser knows enough of it to seek. */
function playFrom(media, seconds) {
  const go = () => {
    media.currentTime = seconds;
    media.play().catch(() => { /* the browser may want a click first; the position is set */ });
  };
  if (media.readyState >= 1) go(); else media.addEventListener('loadedmetadata', go, { once: true });
}

/** A link to the recording at a pair's time: it plays in the page, and opens the media at that time elsewhere. */
function playLink(rec, media, seconds) {
  const at = clock(seconds);
  const link = el('a', { class: 'play', href: `${rec.url}#t=${Math.floor(seconds * 10) / 10}`, title: `Play the recording from ${at}` },
    el('span', { 'aria-hidden': 'true' }, '▶ '), `Play from ${at}`);
  link.addEventListener('click', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    playFrom(media, seconds);
  });
  return link;
}

/** Words of the search, to mark in the text (client-side, as text nodes: never innerHTML). */
function queryWords(q) {
  return q.replace(/\b(AND|OR|NOT)\b|[a-z]+:|[()"~*^+-]/gi, ' ').split(/\s+/).filter((w) => w.length > 1);
}

function marked(text, words) {
  const node = document.createDocumentFragment();
  if (!words.length) { node.append(text); return node; }
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&'));
  const re = new RegExp(`(${escaped.join('|')})\\w*`, 'gi');
  let last = 0;
  for (const m of text.matchAll(re)) {
    node.append(text.slice(last, m.index), el('mark', {}, m[0]));
    last = m.index + m[0].length;
  }
  node.append(text.slice(last));
  return node;
}

function paragraphs(text, words, cls) {
  const wrap = el('div', { class: cls });
  for (const p of text.split(/\n\n+/)) wrap.append(el('p', {}, marked(p, words)));
  return wrap;
}

async function load() {
  const from = params.get('from');
  if (from !== null) $('back').href = `./${from}`;
  if (!id) { showAlert($('alert'), 'No interview was given.'); $('title').textContent = 'No interview'; return; }
  let res;
  try {
    res = await getJson(`api/interviews/${encodeURIComponent(id)}`);
  } catch (e) {
    $('title').textContent = e.status === 404 ? 'Interview not found' : 'Cannot show this interview';
    showAlert($('alert'), e.message);
    return;
  }
  const iv = res.interview;
  document.title = `Verbatim – ${iv.title}`;
  $('title').textContent = iv.title;
  const facts = $('facts');
  const fact = (k, v) => { if (v) facts.append(el('dt', {}, k), el('dd', {}, v)); };
  fact('Candidates', iv.candidates.join(', '));
  fact('Interviewers', iv.interviewers.join(', '));
  fact('Role', iv.role);
  fact('Date', iv.date);
  fact('Tags', iv.tags.join(', '));
  fact('Outcome', iv.outcome);
  fact('Format', iv.format);
  if (res.skills.length) {
    const section = el('section', { class: 'skills', 'aria-labelledby': 'skills-title' },
      el('h2', { id: 'skills-title' }, 'Skills talked about'));
    const list = el('ul', { class: 'skill-summary' });
    const most = Math.max(...res.skills.map((s) => s.pairs));
    for (const s of res.skills) {
      const bar = el('span', { class: 'bar', style: null });
      bar.dataset.share = String(Math.round((100 * s.pairs) / most));
      list.append(el('li', { title: s.category || '' },
        el('span', { class: 'name' }, s.name),
        el('span', { class: 'meter', 'aria-hidden': 'true' }, bar),
        el('span', { class: 'count' }, `${s.pairs} ${s.pairs === 1 ? 'answer' : 'answers'}`)));
    }
    section.append(list);
    $('meta').append(section);
    // Widths are set from script (not inline style attributes), which the page's CSP allows.
    for (const b of list.querySelectorAll('.bar')) b.style.width = `${b.dataset.share}%`;
  }
  const media = player(res.recording);
  const words = queryWords(query);
  const list = $('pairs');
  for (const p of res.pairs) {
    const li = el('li', { id: `pair-${p.pair}`, class: 'pair', tabindex: '-1' });
    if (p.question) {
      li.append(el('p', { class: 'who' }, p.questionSpeaker || 'Question', p.start !== null ? ` · ${clock(p.start)}` : ''));
      li.append(paragraphs(p.question, words, 'question'));
    }
    if (p.answer) {
      li.append(el('p', { class: 'who' }, p.speaker || 'Answer', !p.question && p.start !== null ? ` · ${clock(p.start)}` : ''));
      li.append(paragraphs(p.answer, words, 'answer'));
    }
    const links = el('p', { class: 'links' });
    if (media && p.start !== null) links.append(playLink(res.recording, media, p.start));
    if (p.questionGroup) {
      const label = res.questionGroups[p.questionGroup] || '';
      if (links.childNodes.length) links.append(' · ');
      links.append(el('a', { class: 'compare', href: `compare.html?question=${encodeURIComponent(p.questionGroup)}`,
        title: label ? `Grouped as: ${label}` : null }, 'Compare this question across candidates'));
    }
    if (links.childNodes.length) li.append(links);
    if (p.skills.length) {
      li.append(el('p', { class: 'tags' }, ...p.skills.map((s) => el('span', { class: 'chip skill' }, s))));
    }
    list.append(li);
  }
  if (target !== null) {
    const node = document.getElementById(`pair-${target}`);
    if (node) {
      node.classList.add('target');
      node.setAttribute('aria-current', 'true');
      node.scrollIntoView({ block: 'start' });
      node.focus({ preventScroll: true });
      const pair = res.pairs.find((p) => p.pair === target);
      if (media && playOnOpen && pair && pair.start !== null) playFrom(media, pair.start);
    }
  }
}

load();
