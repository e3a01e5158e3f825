'use strict';
// The events page: every marked event, the chosen one's uplift per site and day as range bars (its 95 % interval)
// with the point uplift, and for admins a form to mark and remove events. Everything from published values.
async function eventsPage() {
  const holder = document.createElement('div'); holder.id = 'events'; $('page').appendChild(holder);
  const list = (await api('/api/v1/events')).events;
  if (me.role === 'admin') holder.appendChild(eventForm());
  if (!list.length) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t('eventsNone'); holder.appendChild(p); return; }
  const pick = document.createElement('select'); pick.id = 'event-pick'; pick.setAttribute('aria-label', t('events'));
  list.forEach(e => { const o = document.createElement('option'); o.value = e.name;
    o.textContent = `${e.name} (${e.from} – ${e.to}; ${e.sites.map(siteName).join(', ')})`; pick.appendChild(o); });
  const wanted = new URLSearchParams(location.search).get('event');
  if (wanted && list.some(e => e.name === wanted)) pick.value = wanted;
  holder.appendChild(pick);
  if (me.role === 'admin') {
    const rm = document.createElement('button'); rm.type = 'button'; rm.textContent = t('eventRemove');
    rm.addEventListener('click', async () => { await change('DELETE', `name=${encodeURIComponent(pick.value)}`); render(); });
    holder.append(' ', rm);
  }
  const area = document.createElement('div'); area.id = 'event-impact'; holder.appendChild(area);
  const draw = async () => { area.innerHTML = ''; await impact(pick.value, area); };
  pick.addEventListener('change', draw);
  await draw();
}

async function change(method, query) {
  const r = await fetch(`/api/v1/events?${query}`, { method, credentials: 'same-origin', headers: { 'X-CSRF-Token': me.csrfToken || '' } });
  if (!r.ok) { const body = await r.json().catch(() => ({})); throw new Error(body.error || r.statusText); }
}

function eventForm() {
  const f = document.createElement('form'); f.id = 'event-form';
  f.innerHTML = '<fieldset><legend></legend><label><span></span> <input name="name" required maxlength="200"></label> '
    + '<label><span></span> <input name="from" type="date" required></label> <label><span></span> <input name="to" type="date" required></label> '
    + '<label><span></span> <select name="sites" multiple required size="3"></select></label> <button type="submit"></button> <span role="status"></span></fieldset>';
  f.querySelector('legend').textContent = t('eventAdd');
  const labels = f.querySelectorAll('label > span');
  ['eventName', 'from', 'to', 'site'].forEach((k, i) => { labels[i].textContent = t(k); });
  Object.values(sites).forEach(s => { const o = document.createElement('option'); o.value = s.site_id; o.textContent = siteName(s.site_id); f.sites.appendChild(o); });
  f.querySelector('button').textContent = t('eventSave');
  f.from.value = $('range').from.value; f.to.value = $('range').to.value;
  f.addEventListener('submit', async e => {
    e.preventDefault();
    const chosen = [...f.sites.selectedOptions].map(o => o.value).join(',');
    try {
      await change('POST', new URLSearchParams({ name: f.name.value, from: f.from.value, to: f.to.value, sites: chosen }).toString());
      render();
    } catch (err) { f.querySelector('[role=status]').textContent = err.message; }
  });
  return f;
}

async function impact(name, area) {
  const a = await api(`/api/v1/events/impact?name=${encodeURIComponent(name)}`);
  const days = a.rows.filter(r => r.day !== 'total');
  const note = document.createElement('p'); note.className = 'note'; note.textContent = a.baseline[lang]; area.appendChild(note);
  block('uplift', t('upliftTitle'), 340, area);
  const labels = days.map(r => `${siteName(r.site_id)} ${r.day}`);
  const has = r => r.uplift_low !== null && r.uplift_low !== undefined;
  chart('uplift', { tooltip: { trigger: 'axis' }, legend: { data: [t('interval'), t('uplift')] },
    xAxis: { type: 'category', data: labels }, yAxis: { type: 'value' },
    series: [{ name: 'base', type: 'bar', stack: 'range', data: days.map(r => has(r) ? r.uplift_low : null), itemStyle: { color: 'transparent' }, tooltip: { show: false } },
      { name: t('interval'), type: 'bar', stack: 'range', data: days.map(r => has(r) ? r.uplift_high - r.uplift_low : null), itemStyle: { color: '#9ecae1' } },
      { name: t('uplift'), type: 'scatter', data: days.map(r => r.uplift), symbolSize: 12, itemStyle: { color: '#08519c' } }] });
  table('uplift', ['site', 'day', 'visitors', 'expected', 'intervalLow', 'intervalHigh', 'uplift', 'upliftLow', 'upliftHigh'],
    a.rows.map(r => [siteName(r.site_id), r.day === 'total' ? t('total') : r.day, r.visitors, r.expected, r.expected_low,
      r.expected_high, r.uplift, r.uplift_low, r.uplift_high]));
  const next = await api(`/api/v1/events/destinations?name=${encodeURIComponent(name)}`);
  const dest = document.createElement('table'); dest.id = 'destinations-table'; area.appendChild(dest);
  dest.createCaption().textContent = t('destinationsTitle');
  table('destinations', ['site', 'destination', 'eventTrips', 'eventShare', 'usualTrips', 'usualShare', 'shareChange'],
    next.rows.map(r => [siteName(r.site_id), siteName(r.destination_site_id), r.event_trips,
      withInterval(r.event_share, r.event_share_low, r.event_share_high), r.usual_trips_per_day, r.usual_share,
      withInterval(r.share_change, r.share_change_low, r.share_change_high)]));
  if (days.some(r => r.expected === null)) { const p = document.createElement('p'); p.className = 'note'; p.textContent = t('noBaseline'); area.appendChild(p); }
}

// a share and its 95 % interval in one cell: 41.2 (35.0–47.5)
function withInterval(v, low, high) {
  return v === null || v === undefined ? null : low === null || low === undefined ? v : `${v} (${low}–${high})`;
}

// the 14 days after the chosen range, as the usual days before them lead to expect
async function forecast(site) {
  const start = shift($('range').to.value, 1);
  const f = await api(`/api/v1/forecast?site=${encodeURIComponent(site)}&from=${start}`);
  if (f.rows.every(r => r.expected === null)) return;
  block('forecast', t('forecastTitle'), 300);
  chart('forecast', { tooltip: { trigger: 'axis' }, legend: { data: [t('expected')] },
    xAxis: { type: 'category', data: f.rows.map(r => r.day) }, yAxis: { type: 'value' },
    series: [{ name: 'low', type: 'line', stack: 'band', data: f.rows.map(r => r.expected_low), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { name: t('interval'), type: 'line', stack: 'band', data: f.rows.map(r => r.expected_low === null ? null : r.expected_high - r.expected_low), lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#c7e9c0', opacity: 0.7 } },
      { name: t('expected'), type: 'line', data: f.rows.map(r => r.expected), color: '#238b45' }] });
  table('forecast', ['day', 'expected', 'intervalLow', 'intervalHigh'], f.rows.map(r => [r.day, r.expected, r.expected_low, r.expected_high]));
}
