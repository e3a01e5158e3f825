'use strict';
// Maps on the layers the server ships (/api/v1/map), so they work offline: Natural Earth's land and the operator's
// administrative boundaries, cut to the registry's surroundings, drawn by ECharts' geo component with the sites,
// the visitor heat and the flows on them. Every map names its layers' sources and licences under it.
let mapLayers = null;

async function mapReady() {
  if (!mapLayers) {
    mapLayers = await api('/api/v1/map');
    const features = [...mapLayers.land.features, ...(mapLayers.boundaries ? mapLayers.boundaries.features : [])];
    echarts.registerMap('tabiji', { type: 'FeatureCollection', features });
  }
  return mapLayers;
}

function geoComponent() {
  const e = mapLayers.extent;
  // land filled, boundaries as lines over it (their fill transparent), neither highlighted on hover
  const regions = (mapLayers.boundaries ? mapLayers.boundaries.features : []).map(f => ({ name: f.properties.name,
    itemStyle: { areaColor: 'rgba(0,0,0,0)', borderColor: '#7b8794', borderWidth: 0.8 } }));
  return { map: 'tabiji', roam: true, zoom: 1, aspectScale: e ? Math.cos((e[1] + e[3]) / 2 * Math.PI / 180) : 0.75,
    boundingCoords: e ? [[e[0], e[3]], [e[2], e[1]]] : undefined, regions,
    itemStyle: { areaColor: '#ece8dc', borderColor: '#a39d8c', borderWidth: 0.6 },
    emphasis: { disabled: true }, select: { disabled: true }, tooltip: { show: false } };
}

// a map block: the chart, its table behind the toggle, the layers' sources under it
function mapBlock(id, title, parent) {
  block(id, title, 460, parent);
  $(id).classList.add('map');
  const p = document.createElement('p'); p.className = 'note map-sources';
  p.textContent = t('mapSources') + mapLayers.sources.map(s => `${s.name}（${s.licence}）`).join(' / ');
  $(id).after(p);
}

const sitePos = id => sites[id] && sites[id].lat !== null && sites[id].lon !== null ? [sites[id].lon, sites[id].lat] : null;

// visitors per site as bubbles sized and coloured by their count; a suppressed site is a hollow grey ring
async function visitorMap(rows, parent) {
  await mapReady();
  const placed = rows.filter(r => sitePos(r.site_id));
  const shown = placed.filter(r => r.visitors !== null);
  const max = Math.max(1, ...shown.map(r => r.visitors));
  mapBlock('visitormap', t('visitorMap'), parent);
  chart('visitormap', { tooltip: {}, geo: geoComponent(),
    visualMap: { type: 'continuous', min: 0, max, dimension: 2, seriesIndex: 0, calculable: true, left: 8, bottom: 8,
      formatter: v => fmt(Math.round(v)), inRange: { color: ['#9ecae1', '#08519c'] } },
    series: [
      { name: t('visitors'), type: 'scatter', coordinateSystem: 'geo', symbolSize: v => 8 + 32 * Math.sqrt(v[2] / max),
        label: { show: true, position: 'right', fontSize: 11, formatter: p => p.name },
        data: shown.map(r => ({ name: siteName(r.site_id), value: [...sitePos(r.site_id), r.visitors] })),
        tooltip: { formatter: p => `${p.name}\n${t('visitors')}: ${fmt(p.value[2])}` } },
      { name: t('suppressed'), type: 'scatter', coordinateSystem: 'geo', symbol: 'emptyCircle', symbolSize: 10,
        itemStyle: { color: '#777' }, data: placed.filter(r => r.visitors === null)
          .map(r => ({ name: siteName(r.site_id), value: sitePos(r.site_id) })),
        tooltip: { formatter: p => `${p.name}\n${t('visitors')}: ${t('suppressed')}` } }] });
  table('visitormap', ['site', 'visitors', 'position'],
    placed.map(r => [siteName(r.site_id), r.visitors, position(r.site_id)]));
}

// the routes as lines between sites, as wide as their trips; every site of the registry marked and named
async function flowMap(shown, parent) {
  await mapReady();
  const routes = shown.filter(r => sitePos(r.origin_site_id) && sitePos(r.destination_site_id));
  const max = Math.max(1, ...routes.map(r => r.trips));
  mapBlock('flowmap', t('flowMap'), parent);
  const ids = Object.keys(sites).filter(id => sitePos(id));
  chart('flowmap', { tooltip: {}, geo: geoComponent(), series: [
    { name: t('site'), type: 'scatter', coordinateSystem: 'geo', symbolSize: 8, itemStyle: { color: '#0b3d6e' },
      label: { show: true, formatter: p => p.name, position: 'right', fontSize: 11 },
      data: ids.map(id => ({ name: siteName(id), value: sitePos(id) })) },
    { name: t('trips'), type: 'lines', coordinateSystem: 'geo', symbol: ['none', 'arrow'], symbolSize: 7,
      tooltip: { formatter: p => `${p.data.route}\n${t('trips')}: ${fmt(p.data.trips)}` },
      data: routes.map(r => ({ coords: [sitePos(r.origin_site_id), sitePos(r.destination_site_id)], trips: r.trips,
        route: `${siteName(r.origin_site_id)} → ${siteName(r.destination_site_id)}`,
        lineStyle: { width: 1 + 9 * r.trips / max, opacity: 0.55, color: '#b35900', curveness: 0.2 } })) }] });
  table('flowmap', ['site', 'position'], ids.map(id => [siteName(id), position(id)]));
}

const position = id => sitePos(id) ? `${sites[id].lat.toFixed(4)}, ${sites[id].lon.toFixed(4)}` : '–';
