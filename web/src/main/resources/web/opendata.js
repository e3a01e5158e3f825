'use strict';
// The open-data page (admins): publish the chosen range as a new release, and every published release with its files.
async function openDataPage() {
  const holder = document.createElement('div'); holder.id = 'opendata'; $('page').appendChild(holder);
  const bar = document.createElement('p');
  const publish = document.createElement('button'); publish.type = 'button'; publish.id = 'publish-opendata';
  publish.textContent = t('publishRange').replace('{from}', $('range').from.value).replace('{to}', $('range').to.value);
  const result = document.createElement('span'); result.id = 'opendata-result'; result.setAttribute('role', 'status');
  bar.append(publish, ' ', result); holder.appendChild(bar);
  publish.addEventListener('click', async () => {
    publish.disabled = true;
    try {
      const r = await fetch(`/api/v1/opendata?${range()}`, { method: 'POST', credentials: 'same-origin',
        headers: { 'X-CSRF-Token': me.csrfToken || '' } });
      const body = await r.json();
      if (!r.ok) throw new Error(body.error || r.statusText);
      result.textContent = t(body.created ? 'opendataPublished' : 'opendataUnchanged')
        .replace('{range}', body.range).replace('{version}', body.version)
        + (body.noWholeMonth ? ' ' + t('opendataNoMonth') : '');
      await releases(holder);
    } catch (e) { result.textContent = e.message; } finally { publish.disabled = false; }
  });
  await releases(holder);
}

async function releases(holder) {
  const old = $('opendata-releases'); if (old) old.remove();
  const list = (await api('/api/v1/opendata')).releases;
  const tableEl = document.createElement('table'); tableEl.id = 'opendata-releases';
  const cap = tableEl.createCaption(); cap.textContent = t('opendataReleases');
  const head = tableEl.createTHead().insertRow();
  ['opendataRange', 'opendataVersion', 'opendataPublishedAt', 'opendataFiles'].forEach(h => {
    const th = document.createElement('th'); th.scope = 'col'; th.textContent = t(h); head.appendChild(th); });
  const body = tableEl.createTBody();
  if (!list.length) { const c = body.insertRow().insertCell(); c.colSpan = 4; c.textContent = t('opendataNone'); }
  list.slice().reverse().forEach(rel => {
    const tr = body.insertRow();
    tr.insertCell().textContent = rel.range.replace('_', ' – ');
    tr.insertCell().textContent = 'v' + rel.version;
    tr.insertCell().textContent = new Date(rel.publishedAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
    const files = tr.insertCell();
    rel.files.concat(['README.md', 'manifest.json']).forEach((f, i) => {
      const a = document.createElement('a'); a.textContent = f; a.setAttribute('download', f);
      a.href = `/api/v1/opendata/${encodeURIComponent(rel.range)}/v${rel.version}/${encodeURIComponent(f)}`;
      if (i) files.append(' · '); files.appendChild(a);
    });
  });
  holder.appendChild(tableEl);
}
