// The page `annals serve` shows: a filter bar and linked views over the HTTP
// API (docs/serve.md) — timeline stacked by QuadClass with the Goldstein
// mean, world map of located events (offline shapes, clustered when dense),
// actor network, event table, one event with its sentence marked and the
// other articles that told it, and the story of a dyad over time. Every
// number comes from the API; the page computes nothing the store does not.
import * as d3 from 'd3';
import cytoscape from 'cytoscape';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';

const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QCOLOR = ['#1f5fa8', '#2a7a3a', '#b35900', '#b3261e'];
const HAPPENED = new Set(['asserted', 'reported']);
const PAGE = 50;
const FILTERS = ['from', 'to', 'actor', 'actor_country', 'cameo', 'plover', 'quad_class', 'modality', 'place', 'country', 'text'];

const form = document.getElementById('filters');
const state = { offset: 0, sort: 'date', total: 0 };

function filterParams() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path, params) {
  const url = '/api/' + path + (params && [...params].length ? '?' + params : '');
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) {
    const e = new Error(body.error ? body.error.message : r.statusText);
    e.parameter = body.error && body.error.parameter;
    throw e;
  }
  return body;
}

function showError(e) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const box = document.getElementById('error');
  if (!e) { box.textContent = ''; return; }
  box.textContent = (e.parameter ? e.parameter + ': ' : '') + e.message;
  if (e.parameter && form.elements[e.parameter]) {
    form.elements[e.parameter].setAttribute('aria-invalid', 'true');
    form.elements[e.parameter].focus();
  }
}

function actorLabel(a) {
  if (!a) return '—';
  return a.name || a.text || a.code;
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function modalityBadge(m) {
  return `<span class="mod mod-${esc(m)}">${esc(m)}</span>`;
}

// ---------------------------------------------------------------- timeline
function renderTimeline(table) {
  const el = document.getElementById('timeline');
  el.innerHTML = '';
  const rows = table.rows;
  const w = el.clientWidth || 600, h = el.clientHeight || 230;
  const m = { top: 8, right: 36, bottom: 22, left: 36 };
  const svg = d3.select(el).append('svg').attr('width', w).attr('height', h)
    .attr('role', 'img').attr('aria-label', `Events per ${form.elements.by.value}, stacked by QuadClass; line: Goldstein mean`);
  if (!rows.length) return;
  const keys = [1, 2, 3, 4].map((q) => 'quad_class_' + q);
  const stack = d3.stack().keys(keys)(rows);
  const x = d3.scaleBand().domain(rows.map((r) => r.period)).range([m.left, w - m.right]).padding(0.1);
  const y = d3.scaleLinear().domain([0, d3.max(rows, (r) => r.events) || 1]).nice().range([h - m.bottom, m.top]);
  const g = d3.scaleLinear().domain([-10, 10]).range([h - m.bottom, m.top]);
  svg.append('g').selectAll('g').data(stack).join('g').attr('fill', (_, i) => QCOLOR[i])
    .selectAll('rect').data((d) => d).join('rect')
    .attr('x', (d) => x(d.data.period)).attr('width', x.bandwidth())
    .attr('y', (d) => y(d[1])).attr('height', (d) => Math.max(0, y(d[0]) - y(d[1])))
    .append('title').text((d) => `${d.data.period}: ${d.data.events} events, Goldstein mean ${d.data.goldstein_mean ?? '—'}`);
  const every = Math.ceil(rows.length / Math.max(1, Math.floor((w - m.left - m.right) / 60)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${h - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(rows.map((r) => r.period).filter((_, i) => i % every === 0)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(4));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${w - m.right},0)`).call(d3.axisRight(g).ticks(5));
  const line = d3.line().defined((r) => r.goldstein_mean !== null)
    .x((r) => x(r.period) + x.bandwidth() / 2).y((r) => g(r.goldstein_mean));
  svg.append('path').datum(rows).attr('fill', 'none').attr('stroke', '#000').attr('stroke-width', 1.5).attr('d', line);
  svg.append('g').selectAll('circle').data(rows.filter((r) => r.goldstein_mean !== null)).join('circle')
    .attr('cx', (r) => x(r.period) + x.bandwidth() / 2).attr('cy', (r) => g(r.goldstein_mean)).attr('r', 2.5).attr('fill', '#000');
  document.getElementById('legend').innerHTML = QUADS.map((q, i) => `<li><span style="background:${QCOLOR[i]}"></span>${q}</li>`).join('') +
    '<li><span style="background:#000;height:2px"></span>Goldstein mean (right axis)</li>';
}

// ---------------------------------------------------------------- map
const countries = feature(world, world.objects.countries);
function renderMap(table) {
  const el = document.getElementById('map');
  el.innerHTML = '';
  const w = el.clientWidth || 600, h = el.clientHeight || 230;
  const projection = d3.geoNaturalEarth1().fitSize([w, h], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const svg = d3.select(el).append('svg').attr('width', w).attr('height', h)
    .attr('role', 'img').attr('aria-label', `Map of located events: ${table.rows.length} places`);
  svg.append('g').selectAll('path').data(countries.features).join('path').attr('class', 'country').attr('d', path);
  // Clustering when dense: places closer than 14 px on screen merge into
  // one circle (greedy, busiest place first, as the API orders them).
  const clusters = [];
  for (const r of table.rows) {
    const [px, py] = projection([r.lon, r.lat]);
    const near = clusters.find((c) => Math.hypot(c.x - px, c.y - py) < 14);
    if (near) {
      near.events += r.events; near.conflict += r.conflict_events; near.names.push(r.name);
    } else {
      clusters.push({ x: px, y: py, events: r.events, conflict: r.conflict_events, names: [r.name], gid: r.gazetteer_id || r.name });
    }
  }
  const radius = d3.scaleSqrt().domain([0, d3.max(clusters, (c) => c.events) || 1]).range([3, 18]);
  svg.append('g').selectAll('circle').data(clusters).join('circle').attr('class', 'cluster')
    .attr('cx', (c) => c.x).attr('cy', (c) => c.y).attr('r', (c) => radius(c.events))
    .attr('fill', (c) => (c.conflict * 2 > c.events ? QCOLOR[3] : QCOLOR[0]))
    .attr('tabindex', 0).attr('role', 'button')
    .attr('aria-label', (c) => `${c.names.slice(0, 3).join(', ')}${c.names.length > 3 ? '…' : ''}: ${c.events} events`)
    .on('click keydown', (ev, c) => {
      if (ev.type === 'keydown' && ev.key !== 'Enter') return;
      if (c.names.length === 1) { form.elements.place.value = c.gid; apply(); }
    })
    .append('title').text((c) => `${c.names.slice(0, 5).join(', ')}${c.names.length > 5 ? '…' : ''}: ${c.events} events (${c.conflict} conflict)`);
}

// ---------------------------------------------------------------- network
let cy = null;
function renderNetwork(net) {
  const el = document.getElementById('network');
  if (cy) cy.destroy();
  const maxEvents = d3.max(net.edges, (e) => e.events) || 1;
  cy = cytoscape({
    container: el,
    elements: [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.name, events: n.events } })),
      ...net.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, events: e.events, g: e.goldstein_mean } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#666', width: 'mapData(events, 0, 50, 8, 30)', height: 'mapData(events, 0, 50, 8, 30)' } },
      { selector: 'edge', style: { width: (e) => 1 + 6 * Math.sqrt(e.data('events') / maxEvents), 'line-color': (e) => (e.data('g') < 0 ? QCOLOR[3] : QCOLOR[0]),
        'target-arrow-color': (e) => (e.data('g') < 0 ? QCOLOR[3] : QCOLOR[0]), 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
    ],
    layout: { name: net.nodes.length > 1 ? 'cose' : 'grid', animate: false, randomize: false },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => { form.elements.actor.value = ev.target.id(); apply(); });
  el.setAttribute('aria-label', `Actor network: ${net.nodes.length} actors, ${net.edges.length} dyads; red = conflict, blue = cooperation`);
}

// ---------------------------------------------------------------- table
function renderTable(page) {
  const tbody = document.querySelector('#table tbody');
  tbody.innerHTML = '';
  for (const e of page.events) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    tr.dataset.id = e.id;
    if (!HAPPENED.has(e.modality)) tr.classList.add('not-happened');
    tr.innerHTML = `<td>${esc(e.date)}</td>
      <td>${esc(actorLabel(e.source))} <span class="code">${esc(e.source && e.source.code)}</span></td>
      <td class="q${e.quad_class}">${esc(e.cameo_name)} <span class="code">${esc(e.cameo)}</span></td>
      <td>${esc(actorLabel(e.target))} <span class="code">${esc(e.target && e.target.code)}</span></td>
      <td>${modalityBadge(e.modality)}</td>
      <td>${esc(e.location ? e.location.name : '')}</td>
      <td>${e.documents}</td>`;
    tr.addEventListener('click', () => openEvent(e.id, tr));
    tr.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openEvent(e.id, tr); }
      if (ev.key === 'ArrowDown' && tr.nextElementSibling) tr.nextElementSibling.focus();
      if (ev.key === 'ArrowUp' && tr.previousElementSibling) tr.previousElementSibling.focus();
    });
    tbody.appendChild(tr);
  }
  const last = state.offset + page.events.length;
  document.getElementById('page').textContent = page.events.length ? `${state.offset + 1}–${last} of ${state.total}` : 'no events';
  document.getElementById('prev').disabled = state.offset === 0;
  document.getElementById('next').disabled = !page.more;
}

// The sentence with its marks; offsets are bytes of UTF-8.
function markedSentence(text, marks) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const sorted = [...marks].sort((a, b) => a.begin - b.begin || b.end - a.end);
  let html = '', at = 0;
  for (const m of sorted) {
    if (m.begin < at) continue;  // overlaps a mark already drawn
    html += esc(dec.decode(bytes.slice(at, m.begin)));
    html += `<mark class="${esc(m.kind)}" data-kind="${esc(m.kind)}">${esc(dec.decode(bytes.slice(m.begin, m.end)))}</mark>`;
    at = m.end;
  }
  return html + esc(dec.decode(bytes.slice(at)));
}

async function openEvent(id, row) {
  for (const r of document.querySelectorAll('tbody tr.selected')) r.classList.remove('selected');
  if (row) row.classList.add('selected');
  const d = await api('events/' + id);
  const e = d.event;
  const panel = document.getElementById('detail-panel');
  panel.hidden = false;
  const a = d.attribution;
  const speaker = e.speaker ? actorLabel(e.speaker) : a && (a.speaker_text || (a.speaker && a.speaker.name));
  const others = d.mentions.map((m) => `<li><b>${esc(m.source || m.doc)}</b>, ${esc(m.date)}: ${modalityBadge(m.modality)} “${esc(m.text)}”</li>`).join('');
  document.getElementById('detail-h').textContent = `${actorLabel(e.source)} — ${e.cameo_name} — ${actorLabel(e.target)}`;
  document.getElementById('detail').innerHTML = `
    <p class="sentence" id="sentence">${markedSentence(d.sentence.text, d.sentence.marks)}</p>
    <dl class="facts">
      <dt>Date</dt><dd>${esc(e.date)}${e.date_end && e.date_end !== e.date ? ' – ' + esc(e.date_end) : ''}</dd>
      <dt>Event</dt><dd class="q${e.quad_class}">${esc(e.cameo)} ${esc(e.cameo_name)} · ${esc(QUADS[e.quad_class - 1] || '')} · Goldstein ${e.goldstein}${e.plover.type ? ' · PLOVER ' + esc(e.plover.type) : ''}</dd>
      <dt>Modality</dt><dd>${modalityBadge(e.modality)}</dd>
      <dt>Speaker</dt><dd>${esc(speaker || '—')}</dd>
      <dt>Place</dt><dd>${esc(e.location ? `${e.location.name} (${e.location.country})` : '—')}</dd>
      <dt>Rule</dt><dd><code>${esc(d.rule)}</code></dd>
      <dt>Article</dt><dd>${esc(d.sentence.doc_source)} ${esc(d.sentence.doc_date)} — ${esc(d.sentence.doc_title || d.sentence.doc)}</dd>
    </dl>
    <h3>Told by ${d.mentions.length || 1} record(s) in ${e.documents} article(s)</h3>
    <ul id="mentions">${others}</ul>
    ${e.source && e.target ? '<button type="button" id="story-btn">Story of this dyad</button>' : ''}`;
  const btn = document.getElementById('story-btn');
  if (btn) btn.addEventListener('click', () => openStory(e.source, e.target));
  document.getElementById('detail-h').focus();
}

// All events between two actors, either way, every modality, by date:
// who says what will happen, when, where.
async function openStory(s, t) {
  const p = new URLSearchParams({ source: s.code || s.name, target: t.code || t.name, undirected: 'true', modality: 'all', sort: 'date', limit: '500' });
  const page = await api('events', p);
  const panel = document.getElementById('story-panel');
  panel.hidden = false;
  document.getElementById('story-h').textContent = `Story: ${actorLabel(s)} and ${actorLabel(t)} (${page.events.length}${page.more ? '+' : ''} events, every modality)`;
  document.getElementById('story').innerHTML = page.events.map((e) => `<div class="story-row${HAPPENED.has(e.modality) ? '' : ' not-happened'}">
      <span>${esc(e.date)}</span>
      <span>${esc(actorLabel(e.source))} <span class="q${e.quad_class}">${esc(e.cameo_name)}</span> ${esc(actorLabel(e.target))}
      ${modalityBadge(e.modality)}${e.speaker ? ' — says ' + esc(actorLabel(e.speaker)) : ''}${e.location ? ' — in ' + esc(e.location.name) : ''}
      <span class="code">${e.documents} article(s)</span></span></div>`).join('');
  document.getElementById('story-h').focus();
}

// ---------------------------------------------------------------- loading
async function loadPage() {
  const p = filterParams();
  p.set('limit', PAGE); p.set('offset', state.offset); p.set('sort', state.sort);
  renderTable(await api('events', p));
}

async function apply() {
  state.offset = 0;
  const p = filterParams();
  history.replaceState(null, '', '#' + p);
  const by = new URLSearchParams(p); by.set('by', form.elements.by.value);
  // The network joins an actor's sectors into its country ("Russia" and
  // "Russia (government)" are one node) unless asked to keep them apart.
  const net = new URLSearchParams(p); if (form.elements.sectors.checked) net.set('level', 'actor');
  showError(null);
  try {
    const [count, timeline, places, network] = await Promise.all([
      api('count', p), api('timeline', by), api('places', p), api('network', net)]);
    state.total = count.events;
    document.getElementById('count').textContent = `(${count.events})`;
    document.getElementById('count').dataset.count = count.events;
    const mod = count.modalities === 'all' ? 'every modality' : count.modalities.join(', ');
    document.getElementById('summary').textContent = `${count.events} ${count.folded ? 'events' : 'records'}; modality ${mod}`;
    renderTimeline(timeline);
    renderMap(places);
    renderNetwork(network);
    await loadPage();
    document.body.dataset.ready = 'true';
  } catch (e) {
    showError(e);
  }
}

async function init() {
  const hash = new URLSearchParams(location.hash.slice(1));
  for (const [k, v] of hash) if (form.elements[k]) form.elements[k].value = v;
  try {
    const meta = await api('meta');
    const plover = form.elements.plover;
    for (const t of meta.plover_types) plover.add(new Option(t, t));
    for (const q of meta.quad_classes) form.elements.quad_class.add(new Option(`${q.value} ${q.name}`, q.value));
    for (const [k, v] of hash) if (form.elements[k]) form.elements[k].value = v;
  } catch (e) {
    showError(e);
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); apply(); });
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.elements.actor.addEventListener('input', async () => {
    const q = form.elements.actor.value.trim();
    if (q.length < 2) return;
    const r = await api('actors', new URLSearchParams({ q, limit: 10 })).catch(() => null);
    if (r) document.getElementById('actor-list').innerHTML = r.actors.map((a) => `<option value="${esc(a.code || a.name)}">${esc(a.name)} — ${esc(a.code_name)}</option>`).join('');
  });
  document.getElementById('sort').addEventListener('change', (ev) => { state.sort = ev.target.value; state.offset = 0; loadPage().catch(showError); });
  document.getElementById('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadPage().catch(showError); });
  document.getElementById('next').addEventListener('click', () => { state.offset += PAGE; loadPage().catch(showError); });
  await apply();
}

init();
