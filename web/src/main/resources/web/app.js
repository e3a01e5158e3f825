'use strict';
// The dashboard: pages chosen by the URL's hash (#overview, #languages, #movement, #dwell, #site/ID, #operations), Japanese
// first and English with one click. Every chart has its data as a table behind a "show table" toggle right after it.
let lang = new URLSearchParams(location.search).get('lang') || localStorage.getItem('tabiji.lang') || 'ja';
if (lang !== 'en') lang = 'ja';
let me = null;
const sites = {};
const charts = {};
const t = key => window.TEXT[lang][key] || key;
const $ = id => document.getElementById(id);

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('lang-toggle').textContent = t('switchTo');
  $('lang-toggle').setAttribute('lang', lang === 'ja' ? 'en' : 'ja');
}

const iso = d => d.toISOString().slice(0, 10);
const utc = (y, m, d) => new Date(Date.UTC(y, m, d));
const shift = (s, days) => { const d = new Date(s + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + days); return iso(d); };
const daysBetween = (a, b) => Math.round((new Date(b) - new Date(a)) / 86400000);
// distinct counts over a whole range are published for one day, ISO week or month only (the release lattice)
function lattice(f, to) {
  const a = new Date(f + 'T00:00:00Z'); const n = daysBetween(f, to);
  const monthEnd = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return n === 0 || (n === 6 && a.getUTCDay() === 1) || (a.getUTCDate() === 1 && to === monthEnd);
}
function note(key) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t(key); $('page').appendChild(p); }
function preset(name) {
  const n = new Date(); const y = n.getFullYear(); const m = n.getMonth(); const today = utc(y, m, n.getDate());
  if (name === 'week') { const mon = utc(y, m, n.getDate() - (today.getUTCDay() + 6) % 7); return [mon, new Date(mon.getTime() + 6 * 86400000)]; }
  if (name === 'month') return [utc(y, m, 1), utc(y, m + 1, 0)];
  if (name === 'lastMonth') return [utc(y, m - 1, 1), utc(y, m, 0)];
  return [utc(m >= 3 ? y : y - 1, 3, 1), today];
}

async function api(path) {
  const r = await fetch(path, { credentials: 'same-origin' });
  if (r.status === 401) { showLogin(); throw new Error(t('signIn')); }
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}
const range = () => `from=${$('range').from.value}&to=${$('range').to.value}`;
// whose numbers: the tourism pages show visitors (tourists) only unless the user picks another segment or all
const segment = () => ($('range').segment && $('range').segment.value) || '';
const scope = () => range() + (segment() ? '&segment=' + segment() : '');
const siteName = id => sites[id] ? (lang === 'ja' ? sites[id].name_ja : sites[id].name_en) : id;
// null is a suppressed cell; undefined is no data at all (e.g. a day last year before the pipeline ran)
// one number format everywhere (tables, tiles, axes, tooltips): the page language's digit grouping
const fmt = v => typeof v === 'number' ? v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }) : v;
const cell = v => v === null ? t('suppressed') : v === undefined ? '–' : fmt(v);

function block(id, title, height, parent) {
  const s = document.createElement('div');
  // chart first; its data behind a toggle, still in the page for screen readers, printing and tests
  s.innerHTML = `<h3 id="${id}-title"></h3><div id="${id}" class="chart" role="img" style="height:${height || 320}px"></div>
    <details class="data"><summary></summary><table id="${id}-table" aria-labelledby="${id}-title"></table></details>`;
  s.querySelector('h3').textContent = title;
  s.querySelector('summary').textContent = t('showTable');
  s.querySelector('.chart').setAttribute('aria-label', title + t('tableOf'));
  (parent || $('page')).appendChild(s);
}
function table(id, headers, rows) {
  const el = $(id + '-table');
  const head = el.createTHead().insertRow();
  headers.forEach(h => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = t(h); head.appendChild(th); });
  const body = el.createTBody();
  rows.forEach(r => { const tr = body.insertRow(); r.forEach(v => { tr.insertCell().textContent = cell(v); }); });
}
function chart(id, option) {
  charts[id] = echarts.init($(id));
  // tooltips as canvas text, never as HTML: site names and AP ids come from the registry, and a formatter's
  // string would otherwise be parsed as markup
  if (option.tooltip) option.tooltip = Object.assign({ valueFormatter: v => cell(v) }, option.tooltip, { renderMode: 'richText' });
  [option.xAxis, option.yAxis].flat().filter(a => a && a.type === 'value')
    .forEach(a => { a.axisLabel = Object.assign({ formatter: fmt }, a.axisLabel); });
  charts[id].setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'sans-serif' } }, option));
  // what the chart draws, readable without pixels (tests, assistive tools)
  $(id).dataset.series = JSON.stringify(charts[id].getOption().series.map(s => ({ name: s.name || null, data: s.data })));
}

async function overview(site) {
  const f = $('range').from.value; const to = $('range').to.value; const n = daysBetween(f, to) + 1;
  const place = site ? `&site=${encodeURIComponent(site)}` : '';
  const q = (a, b) => `from=${a}&to=${b}${place}${segment() ? '&segment=' + segment() : ''}`;
  const whole = lattice(f, to);
  const none = { visitors: undefined, foreign_share: undefined, median_dwell_s: undefined, repeat_rate: undefined };
  const [kpis, cur, prev, ly] = await Promise.all([whole ? api(`/api/v1/kpis?${q(f, to)}`) : Promise.resolve(none),
    api(`/api/v1/visitors?${q(f, to)}&groupBy=day`), api(`/api/v1/visitors?${q(shift(f, -n), shift(f, -1))}&groupBy=day`),
    api(`/api/v1/visitors?${q(shift(f, -364), shift(to, -364))}&groupBy=day`)]);
  const tiles = document.createElement('div'); tiles.className = 'tiles';
  const pct = v => v === null ? t('suppressed') : v === undefined ? '–' : (v * 100).toFixed(1) + '%';
  [['kpiVisitors', cell(kpis.visitors)], ['kpiForeign', pct(kpis.foreign_share)],
   ['kpiDwell', kpis.median_dwell_s === null ? t('suppressed') : kpis.median_dwell_s === undefined ? '–'
     : fmt(Math.round(kpis.median_dwell_s / 60)) + ' ' + t('minutes')],
   ['kpiRepeat', pct(kpis.repeat_rate)]].forEach(([k, v]) => {
    const d = document.createElement('div'); d.className = 'tile'; d.innerHTML = '<span></span><strong></strong>';
    d.firstChild.textContent = t(k); d.lastChild.textContent = v; tiles.appendChild(d);
  });
  $('page').appendChild(tiles);
  note('protection');
  if (cur.provisional) note('provisional');
  if (!whole) note('latticeOnly');
  const days = cur.rows.map(r => r.day);
  const byOffset = (rows, start) => { const m = {}; rows.forEach(r => { m[daysBetween(start, r.day)] = r.visitors; }); return m; };
  const p = byOffset(prev.rows, shift(f, -n)); const l = byOffset(ly.rows, shift(f, -364));
  block('visitors', t('visitorsPerDay'));
  chart('visitors', { tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: days },
    yAxis: { type: 'value' }, series: [
      { name: t('current'), type: 'line', data: cur.rows.map(r => r.visitors) },
      { name: t('previous'), type: 'line', data: days.map(d => p[daysBetween(f, d)] ?? null) },
      { name: t('lastYear'), type: 'line', data: days.map(d => l[daysBetween(f, d)] ?? null) }] });
  table('visitors', ['day', 'current', 'previous', 'lastYear'],
    cur.rows.map(r => [r.day, r.visitors, p[daysBetween(f, r.day)], l[daysBetween(f, r.day)]]));
  if (site) return sitePage(site);
  if (!whole) return;
  const bySite = await api(`/api/v1/visitors?${scope()}&groupBy=site`);
  const top = bySite.rows.filter(r => r.visitors !== null).sort((a, b) => b.visitors - a.visitors).slice(0, 10);
  block('sites', t('topSites'));
  chart('sites', { tooltip: {}, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true,
    data: top.map(r => siteName(r.site_id)) }, series: [{ name: t('visitors'), type: 'bar', data: top.map(r => r.visitors) }] });
  table('sites', ['site', 'visitors', 'privateShare'], bySite.rows.map(r => [siteName(r.site_id), r.visitors, r.private_mac_share]));
  note('privateBounds');
  $('sites-table').querySelectorAll('tbody tr').forEach((tr, i) => {
    const a = document.createElement('a'); a.href = '#site/' + bySite.rows[i].site_id; a.textContent = tr.cells[0].textContent;
    tr.cells[0].textContent = ''; tr.cells[0].appendChild(a);
  });
  await visitorMap(bySite.rows);
  if (me.segments.length > 1) await segmentMix();
}

// who each site's visitors are: every segment's released cell per site, whatever segment the page shows
async function segmentMix() {
  const mix = await api(`/api/v1/visitors?${range()}&groupBy=site,segment`);
  const ids = [...new Set(mix.rows.map(r => r.site_id))];
  block('segments', t('segmentMix'), 120 + 40 * ids.length);
  chart('segments', { tooltip: {}, legend: {}, yAxis: { type: 'category', data: ids.map(siteName) }, xAxis: { type: 'value' },
    series: me.segments.map(sg => ({ name: t('segment_' + sg), type: 'bar', stack: 'segment',
      data: ids.map(id => { const r = mix.rows.find(x => x.site_id === id && x.segment === sg); return r && r.visitors !== null ? r.visitors : 0; }) })) });
  table('segments', ['site', 'segment', 'visitors'], mix.rows.map(r => [siteName(r.site_id), t('segment_' + r.segment), r.visitors]));
}

async function sitePage(site) {
  await estimates(site); // beside the daily visitors above: all visitors, where the site has reference counts
  await forecast(site);
  const [hours, flows, dwell] = await Promise.all([api(`/api/v1/visitors?${scope()}&site=${site}&groupBy=hour`),
    api(`/api/v1/flows?${scope()}&site=${site}`), api(`/api/v1/dwell?${scope()}&site=${site}&groupBy=site,bucket`)]);
  const sum = {}; const cnt = {};
  hours.rows.forEach(r => { if (r.visitors === null) return; const d = new Date(r.hour.slice(0, 10) + 'T00:00:00Z');
    const k = ((d.getUTCDay() + 6) % 7) + ',' + Number(r.hour.slice(11, 13)); sum[k] = (sum[k] || 0) + r.visitors; cnt[k] = (cnt[k] || 0) + 1; });
  const cells = Object.keys(sum).map(k => { const [w, h] = k.split(',').map(Number); return [h, w, Math.round(sum[k] / cnt[k] * 10) / 10]; });
  block('heat', t('heatmap'), 300);
  chart('heat', { tooltip: {}, xAxis: { type: 'category', data: [...Array(24).keys()], name: t('hour') },
    yAxis: { type: 'category', data: t('weekdays') }, visualMap: { min: 0, max: Math.max(1, ...cells.map(c => c[2])),
      orient: 'horizontal', left: 'center', bottom: 0 }, series: [{ name: t('visitors'), type: 'heatmap', data: cells }] });
  table('heat', ['site', 'hour', 'visitors'], cells.map(c => [t('weekdays')[c[1]], c[0], c[2]]));
  routes(flows.rows);
  dwellChart(dwell.rows);
}

// all visitors, not only the Wi-Fi's: observed devices scaled by the site's capture rate, with the interval as a band;
// of the page's segment where the site has reference counts of that segment (a tourist survey), else of everyone
async function estimates(site) {
  const all = await api(`/api/v1/estimates?${range()}&site=${encodeURIComponent(site)}`);
  const own = segment() && all.segment_rates.some(s => s.segment === segment() && s.calibrated);
  const e = own ? await api(`/api/v1/estimates?${scope()}&site=${encodeURIComponent(site)}`) : all;
  if (!e.calibrated) { const p = document.createElement('p'); p.className = 'note'; p.id = 'estimates-note';
    p.textContent = e.note[lang === 'ja' ? 0 : 1]; $('page').appendChild(p); return; }
  block('estimates', t('estimatesTitle'), 320);
  const pct = v => fmt(Math.round(v * 1000) / 10);
  const rate = document.createElement('p'); rate.className = 'note'; rate.id = 'capture-rate';
  rate.textContent = t('captureRate').replace('{rate}', pct(e.capture_rate)).replace('{low}', pct(e.capture_rate_low))
    .replace('{high}', pct(e.capture_rate_high)).replace('{days}', e.reference_days)
    .replace('{whom}', own ? t('segment_' + segment()) : t('everyone'));
  $('estimates').before(rate);
  const perDay = e.rows.filter(r => r.day !== 'total'); // the range's total is a row of the table, not a point
  const days = perDay.map(r => r.day);
  const low = perDay.map(r => r.estimated_low); const band = perDay.map(r => r.estimated_low === null ? null : r.estimated_high - r.estimated_low);
  chart('estimates', { tooltip: { trigger: 'axis' }, legend: { data: [t('estimated'), t('observed')] },
    xAxis: { type: 'category', data: days }, yAxis: { type: 'value' },
    series: [{ name: 'low', type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: t('interval'), type: 'line', data: band, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#9ecae1', opacity: 0.5 } },
      { name: t('estimated'), type: 'line', data: perDay.map(r => r.estimated_visitors), color: '#08519c' },
      { name: t('observed'), type: 'line', data: perDay.map(r => r.visitors), color: '#e6550d' }] });
  table('estimates', ['day', 'observed', 'estimated', 'intervalLow', 'intervalHigh'],
    e.rows.map(r => [r.day === 'total' ? t('total') : r.day, r.visitors, r.estimated_visitors, r.estimated_low, r.estimated_high]));
}

async function languagesPage() {
  const whole = lattice($('range').from.value, $('range').to.value);
  const [byDay, bySite] = await Promise.all([api(`/api/v1/languages?${scope()}&groupBy=day`),
    whole ? api(`/api/v1/languages?${scope()}&groupBy=site`) : Promise.resolve({ rows: [] })]);
  note('protection');
  const share = (rows, key) => { const total = {}; rows.forEach(r => { if (r.visitors !== null) total[r[key]] = (total[r[key]] || 0) + r.visitors; });
    return r => r.visitors === null ? null : Math.round(r.visitors / total[r[key]] * 1000) / 10; };
  const langs = [...new Set(byDay.rows.map(r => r.lang))].sort();
  const days = [...new Set(byDay.rows.map(r => r.day))];
  const dayShare = share(byDay.rows, 'day');
  block('share-time', t('shareOverTime'));
  chart('share-time', { tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', max: 100 }, series: langs.map(l => ({ name: l, type: 'line', stack: 'share', areaStyle: {},
      data: days.map(d => { const r = byDay.rows.find(x => x.day === d && x.lang === l); return r ? dayShare(r) : 0; }) })) });
  table('share-time', ['day', 'lang', 'visitors', 'share'], byDay.rows.map(r => [r.day, r.lang, r.visitors, dayShare(r)]));
  if (!whole) return note('latticeOnly');
  const ids = [...new Set(bySite.rows.map(r => r.site_id))];
  const siteShare = share(bySite.rows, 'site_id');
  block('share-site', t('sharePerSite'), 60 + 30 * ids.length);
  chart('share-site', { tooltip: {}, legend: {}, yAxis: { type: 'category', data: ids.map(siteName) },
    xAxis: { type: 'value', max: 100 }, series: langs.map(l => ({ name: l, type: 'bar', stack: 'site',
      data: ids.map(s => { const r = bySite.rows.find(x => x.site_id === s && x.lang === l); return r ? siteShare(r) : 0; }) })) });
  table('share-site', ['site', 'lang', 'visitors', 'share'], bySite.rows.map(r => [siteName(r.site_id), r.lang, r.visitors, siteShare(r)]));
}

// the Sankey draws the busiest routes only (a control shows more); the table and the map keep every shown route
async function routes(rows, parent, top) {
  const shown = rows.filter(r => r.trips !== null);
  const limit = top === undefined ? 10 : top;
  const busiest = [...shown].sort((a, b) => b.trips - a.trips).slice(0, limit || shown.length);
  const pick = document.createElement('label'); pick.className = 'top-routes';
  pick.innerHTML = '<span></span> <select id="top-routes"></select>';
  pick.firstChild.textContent = t('topN');
  [10, 20, 50, 0].forEach(n => { const o = document.createElement('option'); o.value = n; o.textContent = n ? n : t('allRoutes');
    o.selected = n === limit; pick.lastChild.appendChild(o); });
  (parent || $('page')).appendChild(pick);
  const holder = document.createElement('div'); (parent || $('page')).appendChild(holder);
  pick.lastChild.addEventListener('change', () => {
    ['sankey', 'flowmap'].forEach(id => { if (charts[id]) { charts[id].dispose(); delete charts[id]; } });
    pick.remove(); holder.remove(); routes(rows, parent, Number(pick.lastChild.value)).catch(e => { $('status').textContent = e.message; });
  });
  parent = holder;
  block('sankey', t('flows'), 420, parent);
  // origins and destinations are separate nodes, so a trip back and forth is no cycle for the Sankey
  const names = new Set(); busiest.forEach(r => { names.add(siteName(r.origin_site_id) + ' ▸'); names.add('▸ ' + siteName(r.destination_site_id)); });
  chart('sankey', { tooltip: {}, series: [{ type: 'sankey', data: [...names].map(name => ({ name })),
    links: busiest.map(r => ({ source: siteName(r.origin_site_id) + ' ▸', target: '▸ ' + siteName(r.destination_site_id), value: r.trips })) }] });
  table('sankey', ['origin', 'destination', 'trips', 'travellers'],
    rows.slice(0, 20).map(r => [siteName(r.origin_site_id), siteName(r.destination_site_id), r.trips, r.travellers]));
  await flowMap(shown, parent);
}

async function movementPage() {
  const pick = document.createElement('label');
  pick.innerHTML = '<span></span> <select id="flow-lang"><option value=""></option></select>';
  pick.firstChild.textContent = t('lang'); pick.querySelector('option').textContent = t('allLanguages');
  $('page').appendChild(pick);
  const langs = await api(`/api/v1/languages?${scope()}&groupBy=day`);
  [...new Set(langs.rows.map(r => r.lang))].sort().map(lang => ({ lang })).forEach(r => { const o = document.createElement('option'); o.value = o.textContent = r.lang; $('flow-lang').appendChild(o); });
  const holder = document.createElement('div'); $('page').appendChild(holder);
  const draw = async () => {
    ['sankey', 'flowmap'].forEach(id => { if (charts[id]) { charts[id].dispose(); delete charts[id]; } });
    holder.innerHTML = ''; const l = $('flow-lang').value;
    const flows = await api(`/api/v1/flows?${scope()}${l ? '&lang=' + encodeURIComponent(l) : ''}`);
    await routes(flows.rows, holder);
  };
  $('flow-lang').addEventListener('change', draw);
  await draw();
}

// dwell in minutes everywhere (the key figure, the buckets, the statistics); null stays a suppressed cell
const inMinutes = s => s === null || s === undefined ? s : Math.round(s / 6) / 10;
function dwellChart(rows) {
  const buckets = ['0-15', '15-30', '30-60', '60-120', '120+'];
  const ids = [...new Set(rows.map(r => r.site_id))];
  block('dwell', t('dwellBuckets'), 80 + 30 * ids.length);
  chart('dwell', { tooltip: {}, legend: {}, yAxis: { type: 'category', data: ids.map(siteName) }, xAxis: { type: 'value' },
    series: buckets.map(b => ({ name: b, type: 'bar', stack: 'dwell',
      data: ids.map(s => { const r = rows.find(x => x.site_id === s && x.bucket === b); return r && r.visits !== null ? r.visits : 0; }) })) });
  table('dwell', ['site', 'bucket', 'visits'], rows.map(r => [siteName(r.site_id), r.bucket, r.visits]));
}

async function dwellPage() {
  const [hist, stats] = await Promise.all([api(`/api/v1/dwell?${scope()}&groupBy=site,bucket`), api(`/api/v1/dwell?${scope()}`)]);
  dwellChart(hist.rows);
  const s = document.createElement('table'); s.id = 'dwell-stats-table'; $('page').appendChild(s);
  table('dwell-stats', ['site', 'visits', 'median', 'p90'], stats.rows.map(r => [siteName(r.site_id), r.visits, inMinutes(r.median_dwell_s), inMinutes(r.p90_dwell_s)]));
}

async function render() {
  Object.values(charts).forEach(c => c.dispose()); Object.keys(charts).forEach(k => delete charts[k]);
  $('page').innerHTML = '';
  leaveOperations();
  const statistics = me.role !== 'ops';
  const [name, arg] = (location.hash.slice(1) || (statistics ? 'overview' : 'operations')).split('/');
  const title = document.createElement('h2');
  title.textContent = name === 'site' ? t('sitePage') + ': ' + siteName(arg) : t(name === 'languages' ? 'languagesPage' : name === 'dwell' ? 'dwellPage' : name);
  if (name === 'opendata' && me.role !== 'admin') title.textContent = t('overview');
  $('page').appendChild(title);
  const admin = me.role === 'admin' && name === 'opendata';
  help(name in { overview: 1, languages: 1, movement: 1, dwell: 1, site: 1, operations: 1, events: 1 } || admin ? name : 'overview');
  $('status').textContent = t('loading');
  try {
    const pages = statistics ? { overview: () => overview(), languages: languagesPage, movement: movementPage,
      dwell: dwellPage, site: () => overview(decodeURIComponent(arg)), events: eventsPage } : {};
    if (me.role === 'ops' || me.role === 'admin') pages.operations = operationsPage;
    if (me.role === 'admin') pages.opendata = openDataPage;
    const page = pages[name] || Object.values(pages)[0];
    if (page === operationsPage || page === openDataPage || page === eventsPage || await holdsData()) await page();
    $('status').textContent = '';
  } catch (e) { $('status').textContent = e.message; }
  document.querySelectorAll('#exports a').forEach(a => { a.href = `/api/v1/export?${range()}&format=${a.dataset.format}&lang=${lang}`; });
}

// what the page shows and how its numbers are defined, folded under the title
function help(page) {
  const d = document.createElement('details'); d.className = 'help'; d.id = 'help';
  d.innerHTML = '<summary></summary>'; d.firstChild.textContent = t('howToRead');
  t('help_' + page).forEach(text => { const p = document.createElement('p'); p.textContent = text; d.appendChild(p); });
  $('page').appendChild(d);
}

// "no data" comes from ingest coverage (days the pipeline received logs for), never from a cell's value: an empty
// range reads differently from zero visitors or a suppressed cell, and tells nothing about either
async function holdsData() {
  const cov = await api('/api/v1/coverage');
  const f = $('range').from.value; const to = $('range').to.value;
  if (cov.days_with_data.some(r => r.from <= to && r.to >= f)) return true;
  const box = document.createElement('div'); box.className = 'no-data'; box.setAttribute('role', 'status');
  box.innerHTML = '<strong></strong><p></p>';
  box.firstChild.textContent = t('noData');
  box.lastChild.textContent = t('noDataDetail') + (cov.days_with_data.map(r => r.from === r.to ? r.from : `${r.from} – ${r.to}`).join(', ') || '–');
  if (cov.opening) {
    const b = document.createElement('button'); b.type = 'button'; b.textContent = t('latest');
    b.addEventListener('click', () => { $('range').from.value = cov.opening.from; $('range').to.value = cov.opening.to; render(); });
    box.appendChild(b);
  }
  $('page').appendChild(box);
  return false;
}

function showLogin() { $('app').hidden = true; $('nav').hidden = true; $('login').hidden = false; }

async function start() {
  applyLanguage();
  try { me = await api('/api/v1/me'); (await api('/api/v1/sites')).rows.forEach(s => { sites[s.site_id] = s; }); } catch (e) { return; }
  $('login').hidden = true; $('app').hidden = false; $('nav').hidden = false;
  $('exports').hidden = !(me.role === 'analyst' || me.role === 'admin');
  const pickSegment = $('range').segment; pickSegment.innerHTML = '';
  ['', ...me.segments.filter(sg => sg !== 'unknown')].forEach(sg => { const o = document.createElement('option'); o.value = sg;
    o.textContent = t(sg ? 'segment_' + sg : 'allSegments'); pickSegment.appendChild(o); });
  pickSegment.value = me.segments.includes('visitor') ? 'visitor' : '';
  $('segment-pick').hidden = me.segments.length < 2;
  document.querySelectorAll('#nav a').forEach(a => {
    a.hidden = a.dataset.role === 'ops' ? !(me.role === 'ops' || me.role === 'admin')
      : a.dataset.role === 'admin' ? me.role !== 'admin' : me.role === 'ops'; });
  const f = $('range'); const q = new URLSearchParams(location.search);
  // the latest complete week with data (else the latest days with data), as the server's ingest coverage says
  const opening = (await api('/api/v1/coverage')).opening;
  if (q.get('from') && q.get('to')) { f.from.value = q.get('from'); f.to.value = q.get('to'); }
  else if (opening && !f.from.value) { f.from.value = opening.from; f.to.value = opening.to; }
  if (!f.from.value) { const [a, b] = preset('month'); f.from.value = iso(a); f.to.value = iso(b); }
  await render();
}

$('lang-toggle').addEventListener('click', () => { lang = lang === 'ja' ? 'en' : 'ja'; localStorage.setItem('tabiji.lang', lang); applyLanguage(); if (me) render(); });
document.querySelectorAll('[data-preset]').forEach(b => b.addEventListener('click', () => {
  const [a, z] = preset(b.dataset.preset); $('range').from.value = iso(a); $('range').to.value = iso(z); render(); }));
$('range').addEventListener('submit', e => { e.preventDefault(); render(); });
$('range').segment.addEventListener('change', () => render());
$('login').addEventListener('submit', async e => {
  e.preventDefault();
  const r = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(e.target)) });
  if (r.ok) start(); else $('login-error').textContent = t('wrongLogin');
});
window.addEventListener('hashchange', () => { if (me) render(); });
// a printed page carries every table: open the toggles for printing, close again after
window.addEventListener('beforeprint', () => document.querySelectorAll('details.data:not([open])').forEach(d => { d.open = true; d.dataset.printed = '1'; }));
window.addEventListener('afterprint', () => document.querySelectorAll('details[data-printed]').forEach(d => { d.open = false; delete d.dataset.printed; }));
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
start();
