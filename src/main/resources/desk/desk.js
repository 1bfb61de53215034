// The desk: one page, hash routes, everything from the REST API. Text from the API only ever enters
// the page as DOM text (textContent) or through renderBody, which rebuilds a few safe elements;
// there is no innerHTML of API data anywhere, and the CSP forbids inline script besides.
'use strict';

const state = { session: null, csrf: null, lang: 'en', autosave: null };
const $ = (id) => document.getElementById(id);

function t(key, ...args) {
  const table = window.DESK_TEXT[state.lang] || window.DESK_TEXT.en;
  let text = table[key] || window.DESK_TEXT.en[key] || key;
  args.forEach((a, i) => { text = text.replace('{' + i + '}', String(a)); });
  return text;
}

/** h('button', {onclick: f, class: 'x'}, 'text', child) — children are text or nodes, never markup. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  });
  children.flat(Infinity).forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return el;
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body, headers) {
  const sent = Object.assign({ Accept: 'application/json' }, headers || {});
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) sent['X-CSRF-Token'] = state.csrf;
  const response = await fetch(path, { method, headers: sent, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  const data = response.status !== 204 && type.includes('json') ? await response.json() : null;
  if (response.status === 401 && path !== '/api/desk/session') {
    state.session = null;
    state.csrf = null;
    location.hash = '#/signin';
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

function say(text, isError) {
  const box = $('status');
  box.textContent = text || '';
  box.className = 'status' + (isError ? ' error' : '');
}

function fail(error) {
  say(t('error', error.message), true);
}

function fmtTime(iso) {
  if (!iso) return '—';
  const locales = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' };
  return new Date(iso).toLocaleString(locales[state.lang] || 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function leaseLeft(iso) {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((new Date(iso) - Date.now()) / 60000));
  return t('minutesLeft', minutes);
}

// ----- Safe rendering of stored article HTML: only these elements, only http(s)/mailto links ---------
const ALLOWED = new Set(['P', 'BR', 'EM', 'STRONG', 'B', 'I', 'U', 'A', 'UL', 'OL', 'LI', 'H2', 'H3', 'H4',
  'BLOCKQUOTE', 'CODE', 'PRE', 'SUB', 'SUP', 'S']);

function renderBody(html) {
  // DOMParser builds an inert document: nothing in it runs or loads.
  const parsed = new DOMParser().parseFromString(String(html || ''), 'text/html');
  const out = h('div', { class: 'source-text', lang: null });
  copySafe(parsed.body, out);
  return out;
}

function copySafe(from, to) {
  from.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.nodeValue));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      if (!ALLOWED.has(node.tagName)) {
        if (!['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'TEMPLATE'].includes(node.tagName)) copySafe(node, to);
        return;
      }
      const el = document.createElement(node.tagName.toLowerCase());
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') || '';
        if (/^(https?:|mailto:)/i.test(href)) el.setAttribute('href', href);
        el.setAttribute('rel', 'noopener noreferrer');
      }
      copySafe(node, el);
      to.append(el);
    }
  });
}

// ----- Shell: header, navigation, language -------------------------------------------------------
function has(role) {
  return state.session && state.session.roles.includes(role);
}

function shell(route) {
  document.documentElement.lang = state.lang;
  document.title = t('appName');
  $('brand').textContent = t('appName');
  $('skip').textContent = t('skip');
  const nav = $('nav');
  nav.setAttribute('aria-label', t('mainNav'));
  nav.replaceChildren();
  const who = $('who');
  who.replaceChildren();
  if (!state.session) return;
  const links = [];
  if (has('TRANSLATOR')) links.push(['#/inbox', t('inbox')]);
  if (has('REVIEWER')) links.push(['#/review', t('reviewQueue')]);
  if (has('EDITOR')) links.push(['#/board', t('board')], ['#/new', t('newStory')]);
  nav.append(h('ul', {}, links.map(([href, text]) => h('li', {},
    h('a', { href, 'aria-current': route.startsWith(href) ? 'page' : null }, text)))));
  const select = h('select', { id: 'ui-language', onchange: (e) => chooseLanguage(e.target.value) },
    ['uk', 'ru', 'en'].map((code) => h('option', { value: code, selected: code === state.lang }, t('lang_' + code))));
  who.append(h('span', {}, state.session.displayName),
    h('label', { for: 'ui-language' }, t('interfaceLanguage')), select,
    h('button', { class: 'secondary', id: 'sign-out', onclick: signOut }, t('signOut')));
}

async function chooseLanguage(code) {
  try {
    const { data } = await api('PUT', '/api/desk/session/language', { language: code });
    adopt(data);
    route();
  } catch (e) { fail(e); }
}

function adopt(session) {
  state.session = session;
  if (session.csrfToken) state.csrf = session.csrfToken;
  state.lang = session.language || 'en';
}

async function signOut() {
  try { await api('DELETE', '/api/desk/session'); } catch (e) { /* already gone */ }
  state.session = null;
  state.csrf = null;
  location.hash = '#/signin';
}

function page(title, ...content) {
  const main = $('main');
  main.replaceChildren(h('h1', { id: 'page-title' }, title), ...content.flat(Infinity).filter((c) => c));
  document.title = title + ' · ' + t('appName');
}

// ----- Sign-in -------------------------------------------------------------------------------------
function signInPage() {
  const form = h('form', { class: 'signin panel', id: 'signin-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const { data } = await api('POST', '/api/desk/session', { username: $('username').value, password: $('password').value });
      adopt(data);
      say('');
      location.hash = home();
    } catch (err) { say(err.status === 401 ? t('wrongPassword') : t('error', err.message), true); }
  } },
  h('label', { for: 'username' }, t('username')), h('input', { id: 'username', type: 'text', autocomplete: 'username', required: true }),
  h('label', { for: 'password' }, t('password')), h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true }),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in' }, t('signIn'))));
  page(t('signIn'), form);
}

function home() {
  if (has('EDITOR')) return '#/board';
  if (has('TRANSLATOR')) return '#/inbox';
  if (has('REVIEWER')) return '#/review';
  return '#/nothing';
}

// ----- Translator: inbox ---------------------------------------------------------------------------
async function inboxPage() {
  const mine = await api('GET', '/api/tasks?mine=true&state=CLAIMED&limit=20');
  const open = await api('GET', '/api/tasks?state=OPEN&limit=50');
  const langSelect = h('select', { id: 'claim-language' }, h('option', { value: '' }, t('anyLanguage')),
    state.session.languages.map((l) => h('option', { value: l }, l)));
  const claimNext = h('button', { id: 'claim-next', onclick: async () => {
    try {
      const language = langSelect.value || null;
      const r = await api('POST', '/api/tasks/claim-next', language ? { language } : {});
      if (r.status === 204) { say(t('nothingToClaim')); return; }
      location.hash = '#/task/' + r.data.id;
    } catch (e) { fail(e); }
  } }, t('claimNext'));
  const details = await Promise.all(mine.data.items.map((task) => api('GET', '/api/tasks/' + task.id).then((r) => r.data)));
  const mineTable = details.length === 0 ? h('p', {}, t('noTasks')) : h('table', { id: 'my-tasks' },
    h('caption', { class: 'muted' }, t('myTasks')),
    h('thead', {}, h('tr', {}, [t('story'), t('language'), t('leaseLeft'), t('actions')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, details.map((task) => h('tr', { 'data-task': task.id },
      h('td', {}, h('a', { href: '#/task/' + task.id }, task.source ? task.source.title : task.articleId)),
      h('td', {}, task.language),
      h('td', { class: 'lease' }, leaseLeft(task.leaseExpiresAt)),
      h('td', {}, h('div', { class: 'actions' },
        h('button', { class: 'secondary renew', onclick: () => act('POST', '/api/tasks/' + task.id + '/claim', undefined, t('renewed')) }, t('renew')),
        h('button', { class: 'secondary release', onclick: () => act('POST', '/api/tasks/' + task.id + '/release', undefined, t('released')) }, t('release'))))))));
  const openTable = open.data.items.length === 0 ? h('p', {}, t('noTasks')) : h('table', { id: 'open-tasks' },
    h('thead', {}, h('tr', {}, [t('language'), t('kind'), t('priority'), t('due'), t('note'), t('actions')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, open.data.items.map((task) => h('tr', {},
      h('td', {}, task.language), h('td', {}, task.kind), h('td', {}, task.priority), h('td', {}, fmtTime(task.dueAt)),
      h('td', {}, task.note || ''),
      h('td', {}, h('button', { class: 'secondary', onclick: async () => {
        try { await api('POST', '/api/tasks/' + task.id + '/claim'); location.hash = '#/task/' + task.id; } catch (e) { fail(e); }
      } }, t('claim')))))));
  page(t('inbox'),
    h('section', { 'aria-labelledby': 'claim-h' }, h('h2', { id: 'claim-h' }, t('takeWork')),
      h('div', { class: 'filters' }, h('div', {}, h('label', { for: 'claim-language' }, t('language')), langSelect), h('div', {}, claimNext))),
    h('section', { 'aria-labelledby': 'mine-h' }, h('h2', { id: 'mine-h' }, t('myTasks')), mineTable),
    h('section', { 'aria-labelledby': 'open-h' }, h('h2', { id: 'open-h' }, t('openTasks')), openTable));
}

async function act(method, path, body, done, headers) {
  try {
    await api(method, path, body, headers);
    say(done);
    route();
  } catch (e) { fail(e); }
}

// ----- Translator: the side-by-side editor -----------------------------------------------------------
async function taskPage(id) {
  let { data: task, etag } = await api('GET', '/api/tasks/' + id);
  const holder = task.holderId === state.session.accountId && task.state === 'CLAIMED';
  if (!holder) return await reviewTaskPage(task);
  const draft = task.draft || {};
  const local = JSON.parse(localStorage.getItem('nd-draft-' + id) || 'null');
  const fields = {};
  const saved = h('p', { id: 'autosave', class: 'muted', 'aria-live': 'polite' }, draft.savedAt ? t('savedAt', fmtTime(draft.savedAt)) : '');
  const target = h('div', { class: 'panel', lang: task.language },
    h('h2', {}, t('translation', task.language)),
    ['title', 'summary', 'body'].map((f) => {
      const serverValue = draft[f] !== undefined && draft[f] !== null ? draft[f] : (f === 'title' ? '' : '');
      const value = local && local.savedAgainst === (draft.savedAt || null) && local[f] !== undefined ? local[f] : serverValue;
      fields[f] = f === 'title'
        ? h('input', { id: 'target-' + f, type: 'text', value, oninput: schedule })
        : h('textarea', { id: 'target-' + f, class: f === 'body' ? 'body' : null, oninput: schedule }, value);
      return [h('label', { for: 'target-' + f }, t(f)), fields[f]];
    }), saved);
  const work = () => ({ title: fields.title.value, summary: fields.summary.value, body: fields.body.value });

  async function save() {
    state.autosave = null;
    if (!fields.title.value.trim()) { saved.textContent = t('titleNeeded'); return; }
    try {
      const r = await api('PUT', '/api/tasks/' + id + '/draft', work(), { 'If-Match': etag });
      etag = r.etag;
      localStorage.removeItem('nd-draft-' + id);
      saved.textContent = t('savedAt', fmtTime(r.data.draft && r.data.draft.savedAt));
      saved.dataset.state = 'saved';
    } catch (e) {
      saved.textContent = t('notSaved', e.message);
    }
  }
  function schedule() {
    // Keeps the text in the browser at once and on the server shortly after typing stops.
    localStorage.setItem('nd-draft-' + id, JSON.stringify(Object.assign(work(), { savedAgainst: draft.savedAt || null })));
    saved.textContent = t('saving');
    saved.dataset.state = 'pending';
    clearTimeout(state.autosave);
    state.autosave = setTimeout(save, 800);
  }

  const banner = task.sourceChanged ? await sourceChangedBanner(task) : null;
  const source = sourcePanel(task);
  const submit = h('button', { id: 'submit', onclick: async () => {
    clearTimeout(state.autosave);
    try {
      await api('POST', '/api/tasks/' + id + '/submit', work());
      localStorage.removeItem('nd-draft-' + id);
      say(t('submitted'));
      location.hash = '#/inbox';
    } catch (e) { fail(e); showGlossaryErrors(e); }
  } }, t('submit'));
  page(t('translate', task.source.title),
    h('p', {}, t('leaseLeft') + ': ', h('span', { id: 'lease' }, leaseLeft(task.leaseExpiresAt)), ' ',
      h('button', { class: 'secondary', id: 'renew', onclick: async () => {
        try { const r = await api('POST', '/api/tasks/' + id + '/claim'); etag = r.etag; $('lease').textContent = leaseLeft(r.data.leaseExpiresAt); say(t('renewed')); } catch (e) { fail(e); }
      } }, t('renew'))),
    banner, comments(task),
    h('div', { class: 'side' }, source, target),
    helpers(task),
    xliffControls(task),
    h('div', { class: 'actions' }, h('button', { class: 'secondary', id: 'save-now', onclick: save }, t('saveNow')), submit,
      h('button', { class: 'secondary', onclick: () => act('POST', '/api/tasks/' + id + '/release', undefined, t('released')).then(() => { location.hash = '#/inbox'; }) }, t('release'))));
}

/**
 * Wraps each occurrence of the given words in the text under root (never in markup: text nodes only) in a
 * span that says what the glossary wants, as a title and, where hint is given, as visible text after it.
 */
function markTerms(root, words) {
  const wanted = words.filter((w) => w.text && w.text.trim());
  if (wanted.length === 0) return root;
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach((node) => {
    let rest = node;
    for (;;) {
      let best = null;
      wanted.forEach((w) => {
        const at = rest.nodeValue.indexOf(w.text);
        if (at >= 0 && (best === null || at < best.at)) best = { at, w };
      });
      if (best === null) break;
      const match = rest.splitText(best.at);
      rest = match.splitText(best.w.text.length);
      const mark = h('span', { class: best.w.kind, title: best.w.title }, match.nodeValue);
      match.replaceWith(mark);
      if (best.w.hint) mark.after(h('span', { class: 'term-hint' }, ' (' + best.w.hint + ')'));
    }
  });
  return root;
}

/** The source's glossary terms, each with its preferred form: underlined, the form said. */
function sourceTerms(task) {
  return (task.glossary || []).filter((g) => g.found && g.preferred).map((g) => ({ text: g.found, kind: 'term',
    title: t('termTitle', g.term, g.preferred), hint: '→ ' + g.preferred }));
}

function sourcePanel(task) {
  const body = markTerms(renderBody(task.source.body), sourceTerms(task));
  // A reviewer's comment about one paragraph stands right after that paragraph (blocks count from 0).
  const blocks = Array.from(body.children);
  (task.comments || []).filter((c) => c.block !== null && c.block !== undefined && blocks[c.block]).forEach((c) => {
    blocks[c.block].after(h('aside', { class: 'block-comment', 'data-block': c.block, 'aria-label': t('blockComment', c.block + 1) },
      h('strong', {}, c.author + ' (' + t('verdict_' + c.verdict) + '): '), c.body || ''));
  });
  return h('div', { class: 'panel', lang: task.source.language },
    h('h2', {}, t('source', task.source.language, task.source.revision)),
    h('h3', {}, t('title')), markTerms(h('p', { id: 'source-title' }, task.source.title), sourceTerms(task)),
    h('h3', {}, t('summary')), markTerms(h('p', { id: 'source-summary' }, task.source.summary), sourceTerms(task)),
    h('h3', {}, t('body')), body);
}

async function sourceChangedBanner(task) {
  const { data: diff } = await api('GET', '/api/tasks/' + task.id + '/source-diff');
  return h('div', { class: 'banner', id: 'source-changed', role: 'region', 'aria-label': t('sourceChanged') },
    h('strong', {}, t('sourceChangedLong', task.sourceRevision, task.currentSourceRevision)),
    diffList(diff),
    h('button', { id: 'rebase', onclick: () => act('POST', '/api/tasks/' + task.id + '/rebase', undefined, t('rebased')) }, t('rebase')));
}

function diffList(diff) {
  return h('ul', { class: 'plain', id: 'source-diff' }, (diff || []).filter((field) => field.hunks && field.hunks.length).map((field) => h('li', {}, h('strong', {}, t(field.field) + ': '),
    (field.hunks || []).map((hunk) => h('span', {}, hunk.from ? h('del', {}, hunk.from) : null, ' ', hunk.to ? h('ins', {}, hunk.to) : null, ' ')))));
}

function comments(task) {
  if (!task.comments || task.comments.length === 0) return null;
  return h('section', { 'aria-labelledby': 'comments-h', class: 'banner' }, h('h2', { id: 'comments-h' }, t('reviewComments')),
    h('ul', { class: 'plain', id: 'comments' }, task.comments.map((c) => h('li', {},
      h('strong', {}, c.author + ' (' + t('verdict_' + c.verdict) + ', ' + fmtTime(c.at)
        + (c.block !== null && c.block !== undefined ? ', ' + t('paragraph', c.block + 1) : '') + '): '), c.body || ''))));
}

function helpers(task) {
  const parts = [];
  if (task.glossary && task.glossary.length) {
    parts.push(h('h3', {}, t('glossary')), h('ul', { class: 'plain', id: 'glossary' }, task.glossary.map((g) =>
      h('li', {}, h('span', { class: 'term' }, g.found || g.term), ' → ', h('strong', {}, g.preferred || ''), g.message ? h('span', { class: 'muted' }, ' ' + g.message) : null))));
  }
  if (task.matches && task.matches.length) {
    parts.push(h('h3', {}, t('memory')), h('ul', { class: 'plain', id: 'matches' }, task.matches.map((m) =>
      (m.matches || []).slice(0, 1).map((c) => h('li', {}, h('span', { class: 'chip' }, c.score + '%'), ' ', c.target, ' ', h('span', { class: 'muted' }, '← ' + c.source))))));
  }
  if (task.machine && task.machine.length) {
    parts.push(h('h3', {}, t('machine')), h('ul', { class: 'plain', id: 'machine' }, task.machine.filter((m) => m.status === 'OK').map((m) =>
      h('li', {}, h('span', { class: 'chip' }, m.engine), ' ', m.text))));
  }
  return parts.length ? h('section', { class: 'panel', 'aria-label': t('helpers') }, parts) : null;
}

function showGlossaryErrors(e) {
  const errors = e.problem && e.problem.errors;
  if (!errors) return;
  say(errors.map((x) => t('glossaryHit', x.found || x.term, [].concat(x.preferred || []).join(', '))).join('; '), true);
}

function xliffControls(task) {
  const file = h('input', { id: 'xliff-file', type: 'file', accept: '.xlf,.xliff,.xml' });
  return h('section', { class: 'panel', 'aria-labelledby': 'xliff-h' }, h('h2', { id: 'xliff-h' }, 'XLIFF'),
    h('div', { class: 'actions' }, download(task)),
    h('label', { for: 'xliff-file' }, t('xliffUpload')), file,
    h('div', { class: 'actions' }, h('button', { class: 'secondary', id: 'xliff-upload', onclick: async () => {
      if (!file.files.length) { say(t('xliffPick'), true); return; }
      try {
        // The file goes as it is (not JSON); a cookie write still carries the CSRF token.
        const response = await fetch('/api/tasks/' + task.id + '/xliff', { method: 'PUT', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/xliff+xml', 'X-CSRF-Token': state.csrf || '', Accept: 'application/json' },
          body: await file.files[0].arrayBuffer() });
        if (!response.ok) {
          const problem = await response.json().catch(() => null);
          throw new ApiError(response.status, problem);
        }
        localStorage.removeItem('nd-draft-' + task.id);
        say(t('xliffImported'));
        route();
      } catch (e) { fail(e); }
    } }, t('xliffUploadButton'))));
}

function download(task) {
  return h('a', { href: '/api/tasks/' + task.id + '/xliff', class: 'button secondary', download: 'task-' + task.id + '.xlf' }, t('xliff'));
}

// ----- Reviewer ----------------------------------------------------------------------------------
async function reviewQueuePage() {
  const { data } = await api('GET', '/api/tasks?state=SUBMITTED&limit=20');
  const mine = data.items.filter((task) => state.session.languages.includes(task.language));
  const details = await Promise.all(mine.map((task) => api('GET', '/api/tasks/' + task.id).then((r) => r.data)));
  page(t('reviewQueue'), details.length === 0 ? h('p', {}, t('noTasks')) : h('table', { id: 'review-queue' },
    h('thead', {}, h('tr', {}, [t('story'), t('language'), t('translator'), t('submittedAt')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, details.map((task) => h('tr', {},
      h('td', {}, h('a', { href: '#/task/' + task.id }, task.source.title)), h('td', {}, task.language),
      h('td', {}, task.holder || ''), h('td', {}, fmtTime(task.updatedAt)))))));
}

async function reviewTaskPage(task) {
  const draft = task.draft || {};
  const canJudge = task.state === 'SUBMITTED' && has('REVIEWER') && task.submittedBy !== state.session.accountId;
  const comment = h('textarea', { id: 'review-comment' });
  const paragraphs = Array.from(renderBody(task.source.body).children);
  const block = h('select', { id: 'review-block' }, h('option', { value: '' }, t('wholeText')),
    paragraphs.map((p, i) => h('option', { value: String(i) }, t('paragraph', i + 1) + ': ' + clip(p.textContent))));
  // In the translation, the glossary's preferred forms are underlined too: the reviewer sees each term kept.
  const kept = (task.glossary || []).filter((g) => g.preferred).map((g) => ({ text: g.preferred, kind: 'term kept',
    title: t('termKept', g.term) }));
  const translation = h('div', { class: 'panel', lang: task.language }, h('h2', {}, t('translation', task.language)),
    h('h3', {}, t('title')), markTerms(h('p', { id: 'draft-title' }, draft.title || ''), kept),
    h('h3', {}, t('summary')), markTerms(h('p', { id: 'draft-summary' }, draft.summary || ''), kept),
    h('h3', {}, t('body')), markTerms(renderBody(draft.body), kept));
  page(t('reviewOf', task.source.title), h('p', {}, h('span', { class: 'chip' }, task.state), ' ', download(task)),
    comments(task), h('div', { class: 'side' }, sourcePanel(task), translation),
    await previousSubmission(task),
    glossaryOverride(task),
    canJudge ? h('section', { 'aria-labelledby': 'verdict-h' }, h('h2', { id: 'verdict-h' }, t('verdict')),
      h('label', { for: 'review-comment' }, t('comment')), comment,
      h('label', { for: 'review-block' }, t('commentAbout')), block,
      h('div', { class: 'actions' },
        h('button', { id: 'approve', onclick: () => act('POST', '/api/tasks/' + task.id + '/approve', { comment: comment.value || null }, t('approved')).then(() => { location.hash = '#/review'; }) }, t('approve')),
        h('button', { id: 'reject', class: 'danger', onclick: () => {
          if (!comment.value.trim()) { say(t('rejectNeedsComment'), true); comment.focus(); return; }
          const verdict = { comment: comment.value };
          if (block.value !== '') verdict.block = parseInt(block.value, 10);
          act('POST', '/api/tasks/' + task.id + '/reject', verdict, t('rejected')).then(() => { location.hash = '#/review'; });
        } }, t('reject')))) : null);
}

/**
 * A reviewer lets one glossary hit stand on this task, with a reason: a form the glossary forbids (as the
 * translator's refused submission named it), or, with no form, the term left out. Never on one's own task.
 */
function glossaryOverride(task) {
  const terms = new Map();
  (task.glossary || []).forEach((g) => { if (g.termId && !terms.has(g.termId)) terms.set(g.termId, g); });
  const open = !['APPROVED', 'CANCELLED'].includes(task.state);
  if (!has('REVIEWER') || !open || terms.size === 0 || task.holderId === state.session.accountId) return null;
  const term = h('select', { id: 'override-term' }, Array.from(terms.values()).map((g) =>
    h('option', { value: g.termId }, g.term + ' → ' + g.preferred)));
  const found = h('input', { id: 'override-found', type: 'text' });
  const reason = h('input', { id: 'override-reason', type: 'text' });
  return h('form', { id: 'glossary-override', onsubmit: (e) => {
    e.preventDefault();
    if (!reason.value.trim()) { say(t('overrideNeedsReason'), true); reason.focus(); return; }
    act('POST', '/api/tasks/' + task.id + '/glossary-overrides',
      { termId: term.value, found: found.value.trim() || null, reason: reason.value }, t('overridden'));
  } }, h('fieldset', {}, h('legend', {}, t('glossaryOverride')),
    h('label', { for: 'override-term' }, t('term')), term,
    h('label', { for: 'override-found' }, t('overrideFound')), found,
    h('label', { for: 'override-reason' }, t('reason')), reason,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'override' }, t('letItStand')))));
}

function clip(text) {
  const one = String(text || '').replace(/\s+/g, ' ').trim();
  return one.length > 60 ? one.substring(0, 59) + '…' : one;
}

/**
 * The submission against the one before it: each submission is a revision of the translation edition
 * (submittedRevision), so the previous submission is the revision before it. The first has nothing to compare.
 */
async function previousSubmission(task) {
  const n = task.submittedRevision;
  const section = (...content) => h('section', { 'aria-labelledby': 'previous-h', id: 'previous-submission' },
    h('h2', { id: 'previous-h' }, t('againstPrevious')), ...content);
  if (!n || n < 2) return section(h('p', { class: 'muted' }, t('firstSubmission')));
  try {
    const { data: diff } = await api('GET', '/api/articles/' + task.articleId + '/editions/' + task.language
      + '/revisions/' + n + '/diff?from=' + (n - 1));
    const list = diffList(diff);
    list.id = 'submission-diff';
    return section(h('p', { class: 'muted' }, t('revisionAgainst', n, n - 1)),
      list.children.length ? list : h('p', {}, t('noChanges')));
  } catch (e) {
    return section(h('p', { class: 'muted' }, t('error', e.message)));
  }
}

// ----- Editor: board, new story, story ------------------------------------------------------------
const DUE_SOON_MS = 2 * 60 * 60 * 1000;

/**
 * The live translation tasks (open, claimed, submitted) whose due time matches: "overdue" (past) or "soon"
 * (within two hours, not yet past). Due times live on the tasks, not on the articles, so the board asks
 * the task list (a few pages at most) and shows those stories.
 */
async function dueTasks(due) {
  const now = Date.now();
  const matches = (task) => {
    if (!task.dueAt) return false;
    const left = new Date(task.dueAt).getTime() - now;
    return due === 'overdue' ? left < 0 : left >= 0 && left <= DUE_SOON_MS;
  };
  const found = [];
  for (const taskState of ['OPEN', 'CLAIMED', 'SUBMITTED']) {
    let cursor = null;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const { data } = await api('GET', '/api/tasks?state=' + taskState + '&limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      found.push(...data.items.filter(matches));
      cursor = data.nextCursor;
      if (!cursor) break;
    }
  }
  return found;
}

async function boardPage(query) {
  const params = new URLSearchParams(query || '');
  const search = new URLSearchParams({ limit: '20' });
  ['state', 'section', 'language', 'q'].forEach((k) => { if (params.get(k)) search.set(k, params.get(k)); });
  const due = params.get('due');
  let items;
  const dueBy = new Map();
  if (due) {
    // By due time: the stories of the matching tasks, then the other filters on them here.
    const tasks = await dueTasks(due);
    tasks.forEach((task) => { if (!dueBy.has(task.articleId)) dueBy.set(task.articleId, []); dueBy.get(task.articleId).push(task); });
    const articles = await Promise.all(Array.from(dueBy.keys()).slice(0, 20).map((id) => api('GET', '/api/articles/' + id).then((r) => r.data)));
    items = articles.filter((a) => (!params.get('state') || a.state === params.get('state'))
      && (!params.get('section') || a.section === params.get('section'))
      && (!params.get('language') || a.editions.some((e) => e.language === params.get('language'))));
  } else {
    items = (await api('GET', '/api/articles?' + search)).data.items;
  }
  const titles = await Promise.all(items.map((a) => api('GET', '/api/articles/' + a.id + '/editions/' + a.sourceLanguage)
    .then((r) => r.data.title).catch(() => a.id)));
  if (due && params.get('q')) {
    const q = params.get('q').toLowerCase();
    const keep = items.map((a, i) => String(titles[i]).toLowerCase().includes(q));
    items = items.filter((a, i) => keep[i]);
    titles.splice(0, titles.length, ...titles.filter((x, i) => keep[i]));
  }
  const filter = (name, options, labels) => h('div', {}, h('label', { for: 'filter-' + name }, t(name)), options
    ? h('select', { id: 'filter-' + name }, h('option', { value: '' }, t('all')), options.map((o, i) => h('option', { value: o, selected: params.get(name) === o }, labels ? labels[i] : o)))
    : h('input', { id: 'filter-' + name, type: 'text', value: params.get(name) || '' }));
  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    ['state', 'section', 'language', 'due', 'q'].forEach((k) => { const v = $('filter-' + k).value; if (v) next.set(k, v); });
    location.hash = '#/board?' + next;
  } }, filter('state', ['DRAFT', 'TRANSLATION', 'REVIEW', 'PUBLISHED']), filter('section'), filter('language', ['uk', 'ru', 'en']),
  filter('due', ['soon', 'overdue'], [t('dueSoon'), t('overdue')]), filter('q'),
  h('div', {}, h('button', { type: 'submit' }, t('filter'))));
  page(t('board'), form, items.length === 0 ? h('p', {}, t('noStories')) : h('table', { id: 'board' },
    h('thead', {}, h('tr', {}, [t('story'), t('section'), t('state'), t('editions'), due ? t('due') : t('updated')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((a, i) => h('tr', { 'data-article': a.id },
      h('td', {}, h('a', { href: '#/article/' + a.id }, titles[i])), h('td', {}, a.section), h('td', {}, a.state),
      h('td', {}, a.editions.map((e) => h('span', { class: 'chip ' + e.state }, e.language + ': ' + t('state_' + e.state)))),
      h('td', { class: due ? 'due' : null }, due ? (dueBy.get(a.id) || []).map((task) => h('div', {}, task.language + ': ' + fmtTime(task.dueAt)))
        : fmtTime(a.updatedAt)))))));
}

function newStoryPage() {
  const field = (id, label, input) => [h('label', { for: id }, label), input];
  const form = h('form', { id: 'new-story', onsubmit: async (e) => {
    e.preventDefault();
    try {
      const r = await api('POST', '/api/articles', {
        sourceLanguage: $('story-language').value, section: $('story-section').value, byline: $('story-byline').value,
        tags: $('story-tags').value.split(',').map((s) => s.trim()).filter(Boolean),
        title: $('story-title').value, summary: $('story-summary').value, body: $('story-body').value });
      say(t('created'));
      location.hash = '#/article/' + r.data.id;
    } catch (err) { fail(err); }
  } },
  field('story-language', t('language'), h('select', { id: 'story-language' }, ['uk', 'ru', 'en'].map((l) => h('option', { value: l }, t('lang_' + l))))),
  field('story-section', t('section'), h('input', { id: 'story-section', type: 'text', required: true, value: 'news' })),
  field('story-byline', t('byline'), h('input', { id: 'story-byline', type: 'text', required: true, value: state.session.displayName })),
  field('story-tags', t('tags'), h('input', { id: 'story-tags', type: 'text' })),
  field('story-title', t('title'), h('input', { id: 'story-title', type: 'text', required: true })),
  field('story-summary', t('summary'), h('textarea', { id: 'story-summary' })),
  field('story-body', t('bodyHtml'), h('textarea', { id: 'story-body', class: 'body' })),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create-story' }, t('create'))));
  page(t('newStory'), form);
}

async function articlePage(id) {
  const { data: article } = await api('GET', '/api/articles/' + id);
  const { data: source, etag: sourceTag } = await api('GET', '/api/articles/' + id + '/editions/' + article.sourceLanguage);
  const { data: languages } = await api('GET', '/api/languages');
  const requested = new Set(article.editions.map((e) => e.language));
  const candidates = languages.filter((l) => l.enabled !== false && !requested.has(l.code) && ['uk', 'ru', 'en'].includes(l.code));
  // A requested translation has no text (nor an edition to read) until its translator hands one in.
  const editions = await Promise.all(article.editions.map((e) => api('GET', '/api/articles/' + id + '/editions/' + e.language)
    .catch(() => ({ data: Object.assign({ allowedActions: [], title: '' }, e), etag: null }))));
  const rows = editions.map(({ data: e, etag }) => h('tr', { 'data-edition': e.language },
    h('th', { scope: 'row' }, t('lang_' + e.language) + (e.source ? ' (' + t('original') + ')' : '')),
    h('td', { class: 'edition-state' }, h('span', { class: 'chip ' + e.state }, t('state_' + e.state))),
    h('td', {}, e.title || ''),
    h('td', {}, h('div', { class: 'actions' },
      e.allowedActions.includes('publish') ? h('button', { class: 'publish', 'data-lang': e.language, onclick: () => {
        if (confirm(t('confirmPublish', e.language))) act('POST', '/api/articles/' + id + '/editions/' + e.language + '/publish', {}, t('publishedOk'), { 'If-Match': etag });
      } }, t('publish')) : null,
      e.allowedActions.includes('schedule') ? scheduleControl(id, e, etag) : null,
      e.allowedActions.includes('unschedule') ? h('button', { class: 'secondary unschedule', onclick: () => {
        if (confirm(t('confirmUnschedule', e.language))) act('POST', '/api/articles/' + id + '/editions/' + e.language + '/unschedule', undefined, t('unscheduled'), { 'If-Match': etag });
      } }, t('unschedule')) : null,
      e.allowedActions.includes('withdraw') ? h('button', { class: 'danger withdraw', onclick: () => {
        const reason = prompt(t(e.source ? 'confirmKill' : 'confirmWithdraw'));
        if (reason) act('POST', '/api/articles/' + id + '/editions/' + e.language + '/withdraw', { reason }, t('withdrawn'), { 'If-Match': etag });
      } }, t(e.source ? 'kill' : 'withdraw')) : null))));
  const request = candidates.length === 0 ? null : h('form', { id: 'request-translations', onsubmit: async (e) => {
    e.preventDefault();
    const chosen = candidates.map((l) => l.code).filter((c) => $('want-' + c).checked);
    if (chosen.length === 0) { say(t('pickLanguage'), true); return; }
    const priority = parseInt($('request-priority').value || '0', 10);
    act('POST', '/api/articles/' + id + '/translations', { languages: chosen, priority }, t('requested'));
  } }, h('fieldset', {}, h('legend', {}, t('requestTranslations')),
    h('div', { class: 'inline' }, candidates.map((l) => h('label', { for: 'want-' + l.code },
      h('input', { type: 'checkbox', id: 'want-' + l.code }), t('lang_' + l.code)))),
    h('label', { for: 'request-priority' }, t('priority')), h('input', { id: 'request-priority', type: 'number', min: -100, max: 100, value: '0' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'request' }, t('request')))));
  const edit = h('form', { id: 'edit-source', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api('PUT', '/api/articles/' + id + '/editions/' + article.sourceLanguage,
        { title: $('edit-title').value, summary: $('edit-summary').value, body: $('edit-body').value, note: $('edit-note').value || null },
        { 'If-Match': sourceTag });
      say(t('savedRevision'));
      route();
    } catch (err) { fail(err); }
  } }, h('h2', {}, t('editSource')),
  h('label', { for: 'edit-title' }, t('title')), h('input', { id: 'edit-title', type: 'text', value: source.title }),
  h('label', { for: 'edit-summary' }, t('summary')), h('textarea', { id: 'edit-summary' }, source.summary),
  h('label', { for: 'edit-body' }, t('bodyHtml')), h('textarea', { id: 'edit-body', class: 'body' }, source.body),
  h('label', { for: 'edit-note' }, t('note')), h('input', { id: 'edit-note', type: 'text' }),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-source' }, t('saveRevision'))));
  const { data: events } = await api('GET', '/api/articles/' + id + '/events');
  page(source.title,
    h('p', { class: 'muted' }, t('section') + ': ' + article.section + ' · ' + t('byline') + ': ' + article.byline),
    h('section', { 'aria-labelledby': 'editions-h' }, h('h2', { id: 'editions-h' }, t('editions')),
      h('table', { id: 'editions' }, h('thead', {}, h('tr', {}, [t('language'), t('state'), t('title'), t('actions')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))),
    request, h('section', { class: 'panel' }, h('h2', {}, t('originalText')), renderBody(source.body)), edit,
    await revisionsSection(id, article.sourceLanguage),
    h('section', { 'aria-labelledby': 'events-h' }, h('h2', { id: 'events-h' }, t('auditTrail')),
      h('ol', { class: 'events', id: 'events' }, events.map((ev) => h('li', {}, fmtTime(ev.at) + ' · ' + (ev.actor || '') + ' · '
        + (ev.action || '') + ' · ' + (ev.language || '') + (ev.fromState ? ' ' + ev.fromState + ' → ' + ev.toState : '') + (ev.detail ? ' · ' + ev.detail : ''))))));
}

function scheduleControl(id, edition, etag) {
  const inputId = 'schedule-' + edition.language;
  const input = h('input', { id: inputId, type: 'datetime-local' });
  return h('span', { class: 'schedule' }, h('label', { for: inputId }, t('scheduleAt')), input,
    h('button', { class: 'secondary', onclick: () => {
      if (!input.value) { say(t('scheduleNeedsTime'), true); input.focus(); return; }
      const at = new Date(input.value);
      if (confirm(t('confirmSchedule', edition.language, fmtTime(at.toISOString())))) {
        act('POST', '/api/articles/' + id + '/editions/' + edition.language + '/publish', { at: at.toISOString() }, t('scheduled'), { 'If-Match': etag });
      }
    } }, t('schedule')));
}

async function revisionsSection(id, language) {
  const { data: revisions } = await api('GET', '/api/articles/' + id + '/editions/' + language + '/revisions');
  const shown = h('div', { id: 'revision-diff', 'aria-live': 'polite' });
  return h('section', { 'aria-labelledby': 'revisions-h' }, h('h2', { id: 'revisions-h' }, t('revisions')),
    h('ul', { class: 'plain', id: 'revisions' }, revisions.map((r) => h('li', {},
      t('revisionLine', r.number, fmtTime(r.createdAt)), r.note ? ' · ' + r.note : '', ' ',
      r.number > 1 ? h('button', { class: 'link', onclick: async () => {
        try {
          const { data: diff } = await api('GET', '/api/articles/' + id + '/editions/' + language + '/revisions/' + r.number + '/diff?from=' + (r.number - 1));
          shown.replaceChildren(h('h3', {}, t('changesIn', r.number)), diffList(diff));
        } catch (e) { fail(e); }
      } }, t('showChanges', r.number)) : null))), shown);
}

// ----- Router ------------------------------------------------------------------------------------
async function route() {
  const hash = location.hash || '#/';
  const [path, query] = hash.substring(1).split('?');
  const parts = path.split('/').filter(Boolean);
  clearTimeout(state.autosave);
  if (parts[0] === 'signin') {
    shell('#/signin');
    signInPage();
    return;
  }
  if (!state.session) {
    try {
      adopt((await api('GET', '/api/desk/session')).data);
    } catch (e) {
      location.hash = '#/signin';
      return;
    }
  }
  shell('#/' + parts.join('/'));
  try {
    switch (parts[0]) {
      case 'inbox': await inboxPage(); break;
      case 'task': await taskPage(parts[1]); break;
      case 'review': await reviewQueuePage(); break;
      case 'board': await boardPage(query); break;
      case 'new': newStoryPage(); break;
      case 'article': await articlePage(parts[1]); break;
      default: location.hash = home(); return;
    }
    $('main').focus();
  } catch (e) {
    if (e.status !== 401) { page(t('problem')); fail(e); }
  }
}

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', () => {
  state.lang = (navigator.language || 'en').substring(0, 2);
  if (!window.DESK_TEXT[state.lang]) state.lang = 'en';
  route();
});
