'use strict';
// The operations page (#operations, roles ops and admin): every AP's status on a map and in a table, open alerts
// first, the alert log; polled every 15 seconds while the page is open. Uses app.js's helpers at call time.
const OPS_REFRESH_MS = 15000;
const STATUS_COLOURS = { ok: '#1a7f37', silent: '#b42318', overloaded: '#93370d', unknown: '#5b5b5b' };
let opsTimer = null;

// times arrive in the region's zone with its offset: shown as they are, without the browser's zone
const when = s => s ? s.slice(0, 19).replace('T', ' ') : '–';
const apSite = h => h.site_id ? (lang === 'ja' ? h.site_name_ja : h.site_name_en) || h.site_id : '–';

// a 24-hour sparkline of peak clients as inline SVG, with its numbers as the accessible name
function sparkline(values) {
  const max = Math.max(1, ...values); const w = 96; const h = 20;
  const pts = values.map((v, i) => `${(i * w / 23).toFixed(1)},${(h - 1 - v * (h - 2) / max).toFixed(1)}`).join(' ');
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('last24h') + ': ' + values.join(', '));
  svg.dataset.values = JSON.stringify(values);
  svg.innerHTML = `<polyline fill="none" stroke="#1f4e79" stroke-width="1.5" points="${pts}"/>`;
  return svg;
}

function tableBlock(id, title, parent) {
  const s = document.createElement('div');
  s.innerHTML = `<h3 id="${id}-title"></h3><table id="${id}-table" aria-labelledby="${id}-title"></table>`;
  s.querySelector('h3').textContent = title;
  parent.appendChild(s);
}

function statusCell(td, status) {
  const b = document.createElement('span'); b.className = 'status status-' + status; b.textContent = t('status_' + status);
  td.textContent = ''; td.appendChild(b); td.dataset.status = status;
}

// what an alert measured, in the page's language (the job's own detail text is English)
const pct = x => Math.round(x * 100) + '%';
// an alert shows its peak (so far while open) against its threshold, not the value at its clearing
function detail(a) {
  // where the AP logs no successful login, a spike is failures against its usual number, not a share
  const rate = a.basis === 'failure_rate';
  const text = t('detail_' + a.kind + (rate ? '_rate' : ''));
  const spike = a.kind === 'login_failure_spike' && !rate;
  return typeof text === 'string' ? text.replace('{peak}', spike ? pct(a.peak) : fmt(a.peak))
    .replace('{threshold}', spike ? pct(a.threshold) : fmt(a.threshold))
    .replace('{failures}', fmt(a.peak_failures || 0)).replace('{attempts}', fmt(a.peak_attempts || 0)) : a.detail;
}

function alertRows(alerts) {
  return alerts.map(a => [a.ap_id, a.site_id ? siteName(a.site_id) : '–', t('kind_' + a.kind),
    t(a.state === 'open' ? 'stateOpen' : 'stateCleared'), when(a.opened_at), when(a.cleared_at), detail(a)]);
}

async function drawOperations(holder) {
  const [board, log] = await Promise.all([api('/api/v1/hotspots'), api('/api/v1/alerts?limit=50')]);
  Object.keys(charts).forEach(k => { charts[k].dispose(); delete charts[k]; });
  holder.innerHTML = '';
  const counts = {}; board.hotspots.forEach(h => { counts[h.status] = (counts[h.status] || 0) + 1; });
  const summary = document.createElement('p'); summary.id = 'ops-summary';
  summary.textContent = `${t('updated')}: ${when(board.now)} · ` + ['ok', 'silent', 'overloaded', 'unknown']
    .map(s => `${t('status_' + s)} ${counts[s] || 0}`).join(' · ');
  holder.appendChild(summary);

  tableBlock('open-alerts', t('openAlerts'), holder);
  table('open-alerts', ['ap', 'site', 'kind', 'state', 'openedAt', 'clearedAt', 'detail'], alertRows(board.open_alerts));

  // APs of one site share its coordinates: one point per place, coloured by its worst status
  const worst = ['silent', 'overloaded', 'unknown', 'ok'];
  const places = {};
  board.hotspots.filter(h => h.lat !== null && h.lon !== null).forEach(h => {
    const key = `${h.lat},${h.lon}`;
    const p = places[key] || (places[key] = { lat: h.lat, lon: h.lon, site: apSite(h), aps: [], status: 'ok' });
    p.aps.push(h);
    if (worst.indexOf(h.status) < worst.indexOf(p.status)) p.status = h.status;
  });
  const label = p => `${p.site}: ` + p.aps.map(h => `${h.ap_id} ${t('status_' + h.status)}`).join(', ');
  await mapReady();
  mapBlock('ap-map', t('apMap'), holder);
  chart('ap-map', { tooltip: { formatter: p => p.data.label }, legend: {}, geo: geoComponent(),
    series: Object.keys(STATUS_COLOURS).map(s => ({ name: t('status_' + s), type: 'scatter', coordinateSystem: 'geo',
      symbolSize: 14, itemStyle: { color: STATUS_COLOURS[s] },
      data: Object.values(places).filter(p => p.status === s).map(p => ({ name: p.site, value: [p.lon, p.lat], label: label(p) })) })) });
  table('ap-map', ['site', 'position', 'status'], Object.values(places).map(p => [p.site, `${p.lat}, ${p.lon}`,
    ['ok', 'silent', 'overloaded'].map(s => [s, p.aps.filter(h => h.status === s).length]).filter(([, n]) => n > 0)
      .map(([s, n]) => `${t('status_' + s)} ${n}`).join(' · ')]));

  tableBlock('hotspots', t('hotspots'), holder);
  table('hotspots', ['ap', 'site', 'status', 'lastSeen', 'clientsNow', 'capacity', 'openAlerts', 'last24h'],
    board.hotspots.map(h => [h.ap_id, apSite(h), h.status, when(h.last_seen), h.clients_now, h.capacity === null ? '–' : h.capacity,
      h.open_alerts, '']));
  const rows = $('hotspots-table').tBodies[0].rows;
  board.hotspots.forEach((h, i) => {
    rows[i].dataset.ap = h.ap_id;
    statusCell(rows[i].cells[2], h.status);
    rows[i].cells[7].appendChild(sparkline(h.sparkline));
  });

  tableBlock('alert-log', t('alertLog'), holder);
  table('alert-log', ['ap', 'site', 'kind', 'state', 'openedAt', 'clearedAt', 'detail'], alertRows(log.alerts));
}

async function operationsPage() {
  $('range').hidden = true;
  const holder = document.createElement('div'); holder.id = 'ops'; $('page').appendChild(holder);
  await drawOperations(holder);
  opsTimer = setInterval(() => {
    if (!document.getElementById('ops')) { clearInterval(opsTimer); opsTimer = null; return; }
    drawOperations(holder).catch(e => { $('status').textContent = e.message; });
  }, OPS_REFRESH_MS);
}

function leaveOperations() {
  if (opsTimer) { clearInterval(opsTimer); opsTimer = null; }
  $('range').hidden = false;
}
