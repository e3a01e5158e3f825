'use strict';
// The overview page: Japanese first, English with one click; every chart has its data as a table below it.
const TEXT = {
  ja: { title: 'Tabiji 観光Wi-Fi分析', skip: '本文へ移動', signIn: 'サインイン', user: 'ユーザー名', password: 'パスワード',
        overview: '概要', from: '開始日', to: '終了日', thisWeek: '今週', thisMonth: '今月', lastMonth: '先月',
        fiscalYear: '今年度（4月から）', show: '表示', visitorsPerDay: '日別訪問者数', topSites: '訪問者の多い地点',
        languages: '言語別訪問者数', day: '日付', site: '地点', lang: '言語', visitors: '訪問者数', loading: '読み込み中…',
        suppressed: '秘匿', switchTo: 'English', wrongLogin: 'ユーザー名またはパスワードが違います' },
  en: { title: 'Tabiji visitor Wi-Fi analytics', skip: 'Skip to content', signIn: 'Sign in', user: 'User', password: 'Password',
        overview: 'Overview', from: 'From', to: 'To', thisWeek: 'This week', thisMonth: 'This month', lastMonth: 'Last month',
        fiscalYear: 'Fiscal year (from April)', show: 'Show', visitorsPerDay: 'Visitors per day', topSites: 'Top sites',
        languages: 'Visitors by language', day: 'Day', site: 'Site', lang: 'Language', visitors: 'Visitors', loading: 'Loading…',
        suppressed: 'suppressed', switchTo: '日本語', wrongLogin: 'Wrong user or password' }
};
let lang = localStorage.getItem('tabiji.lang') || 'ja';
let sites = {};
const charts = {};
const t = key => TEXT[lang][key] || key;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nLabel)));
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('switchTo');
  toggle.setAttribute('lang', lang === 'ja' ? 'en' : 'ja');
}

const iso = d => d.toISOString().slice(0, 10);
function preset(name) {
  const now = new Date(); const y = now.getFullYear(); const m = now.getMonth();
  const utc = (yy, mm, dd) => new Date(Date.UTC(yy, mm, dd));
  const today = utc(y, m, now.getDate());
  if (name === 'week') { const dow = (today.getUTCDay() + 6) % 7; return [utc(y, m, now.getDate() - dow), today]; }
  if (name === 'month') return [utc(y, m, 1), today];
  if (name === 'lastMonth') return [utc(y, m - 1, 1), utc(y, m, 0)];
  return [utc(m >= 3 ? y : y - 1, 3, 1), today];
}

async function api(path) {
  const r = await fetch(path, { credentials: 'same-origin' });
  if (r.status === 401) { showLogin(); throw new Error('unauthorized'); }
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function siteName(id) { const s = sites[id]; return s ? (lang === 'ja' ? s.name_ja : s.name_en) : id; }
const cell = v => v === null ? t('suppressed') : (typeof v === 'number' ? v.toLocaleString(lang) : v);

function table(id, headers, rows) {
  const el = document.getElementById(id);
  el.innerHTML = '';
  const head = el.createTHead().insertRow();
  headers.forEach(h => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = t(h); head.appendChild(th); });
  const body = el.createTBody();
  rows.forEach(r => { const tr = body.insertRow(); r.forEach(v => { tr.insertCell().textContent = cell(v); }); });
}

function chart(id, option) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id));
  charts[id].setOption(option, true);
}

async function load() {
  const f = document.getElementById('range');
  const q = `from=${f.from.value}&to=${f.to.value}`;
  const status = document.getElementById('status');
  status.textContent = t('loading');
  try {
    const [daily, bySite, byLang] = await Promise.all([
      api(`/api/v1/visitors?${q}&groupBy=day`), api(`/api/v1/visitors?${q}&groupBy=site`),
      api(`/api/v1/languages?${q}&groupBy=lang`)]);
    chart('chart-visitors', { tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: daily.rows.map(r => r.day) },
      yAxis: { type: 'value' }, series: [{ name: t('visitors'), type: 'line', data: daily.rows.map(r => r.visitors) }] });
    table('table-visitors', ['day', 'visitors'], daily.rows.map(r => [r.day, r.visitors]));
    const top = bySite.rows.filter(r => r.visitors !== null).sort((a, b) => b.visitors - a.visitors).slice(0, 10);
    chart('chart-sites', { tooltip: {}, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true,
      data: top.map(r => siteName(r.site_id)) }, series: [{ name: t('visitors'), type: 'bar', data: top.map(r => r.visitors) }] });
    table('table-sites', ['site', 'visitors'], bySite.rows.map(r => [siteName(r.site_id), r.visitors]));
    chart('chart-languages', { tooltip: {}, series: [{ name: t('visitors'), type: 'pie',
      data: byLang.rows.filter(r => r.visitors !== null).map(r => ({ name: r.lang, value: r.visitors })) }] });
    table('table-languages', ['lang', 'visitors'], byLang.rows.map(r => [r.lang, r.visitors]));
    status.textContent = '';
  } catch (e) {
    status.textContent = e.message;
  }
}

function showLogin() {
  document.getElementById('overview').hidden = true;
  document.getElementById('login').hidden = false;
}

async function start() {
  applyLanguage();
  try {
    const sitesBody = await api('/api/v1/sites');
    sitesBody.rows.forEach(s => { sites[s.site_id] = s; });
  } catch (e) { return; }
  document.getElementById('login').hidden = true;
  document.getElementById('overview').hidden = false;
  const f = document.getElementById('range');
  if (!f.from.value) { const [a, b] = preset('month'); f.from.value = iso(a); f.to.value = iso(b); }
  await load();
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  lang = lang === 'ja' ? 'en' : 'ja';
  localStorage.setItem('tabiji.lang', lang);
  applyLanguage();
  if (!document.getElementById('overview').hidden) load();
});
document.querySelectorAll('[data-preset]').forEach(b => b.addEventListener('click', () => {
  const [a, z] = preset(b.dataset.preset); const f = document.getElementById('range');
  f.from.value = iso(a); f.to.value = iso(z); load();
}));
document.getElementById('range').addEventListener('submit', e => { e.preventDefault(); load(); });
document.getElementById('login').addEventListener('submit', async e => {
  e.preventDefault();
  const r = await fetch('/login', { method: 'POST', body: new URLSearchParams(new FormData(e.target)) });
  if (r.ok) start(); else document.getElementById('login-error').textContent = t('wrongLogin');
});
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
start();
