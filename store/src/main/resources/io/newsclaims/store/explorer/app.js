// newsclaims explorer: a small script over the server's read-only JSON API (same origin).
// Every text from an article goes into the page as text (textContent), never as markup.
'use strict';

(function () {
  const $ = (selector) => document.querySelector(selector);
  const METRIC_NAMES = {
    market_share: 'market share', revenue: 'revenue', growth: 'growth', price_change: 'price change',
    market_size: 'market size', investment: 'investment', other: 'other'
  };
  const PAGE = 25;
  const SOURCES_SHOWN = 8; // per fact; the rest are counted
  const providerNames = new Map();
  const claimsByPlace = new Map(); // "articleId/start" -> claim row, for the article view
  const claimsState = { filters: {}, offset: 0 };

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  /** A link to an article's own address: only http(s) URLs become links. */
  function externalLink(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      return el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, text || url);
    }
    return el('span', {}, text || url || '?');
  }

  function host(url) {
    try {
      return new URL(url).host || url;
    } catch (e) {
      return url || '';
    }
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== '') {
        query.set(k, v);
      }
    }
    const qs = query.toString();
    const response = await fetch(path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  function providerName(id) {
    return id == null ? 'market' : (providerNames.get(id) || id);
  }

  function conflictMarker() {
    return el('span', { class: 'conflict', title: 'another figure for the same subject disagrees' }, '⚠ conflict');
  }

  function sourcesLabel(n) {
    return n + (n === 1 ? ' source' : ' sources');
  }

  // ---- overview -------------------------------------------------------------------------------

  function factCell(fact, label) {
    if (!fact) {
      return el('td', { 'data-label': label }, el('span', { class: 'meta' }, '–'));
    }
    return el('td', { 'data-label': label },
      el('span', { class: 'fig' }, fact.text), ' ',
      fact.conflicting ? conflictMarker() : null,
      el('span', { class: 'meta' }, (fact.period || 'no period') + ' · ' + sourcesLabel(fact.claims)));
  }

  async function loadOverview() {
    const overview = await api('/overview');
    const body = $('#overview-table tbody');
    body.replaceChildren(...overview.providers.map((p) => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: '#claims', 'data-provider': p.id }, p.name)),
      el('td', { class: 'num', 'data-label': 'Claims' }, p.claims),
      factCell(p.latest.market_share, 'Market share'), factCell(p.latest.revenue, 'Revenue'),
      factCell(p.latest.growth, 'Growth'))));
    if (overview.providers.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 5 }, 'No claims stored yet.')));
    }
    $('#markets').replaceChildren(...overview.markets.map((f) => el('li', {},
      el('span', { class: 'fig' }, f.text), ' ', f.conflicting ? conflictMarker() : null,
      el('span', { class: 'meta' }, (f.period || 'no period') + ' · ' + sourcesLabel(f.claims)))));
    if (overview.markets.length === 0) {
      $('#markets').append(el('li', { class: 'meta' }, 'No market size figures yet.'));
    }
    body.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-provider]');
      if (link) {
        setClaimsFilter({ provider: link.dataset.provider });
      }
    });
  }

  // ---- chart ----------------------------------------------------------------------------------

  let plot = null;
  let series = null;

  function palette() {
    return getComputedStyle(document.documentElement).getPropertyValue('--series').trim().split(/\s+/);
  }

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function formatValue(v, unit) {
    if (v == null) {
      return '–';
    }
    if (unit === 'percent') {
      return (+v.toFixed(2)) + '%';
    }
    if (unit === 'percent_points') {
      return (+v.toFixed(2)) + ' pp';
    }
    const scales = [[1e12, ' tn'], [1e9, ' bn'], [1e6, ' m'], [1e3, ' k']];
    for (const [size, word] of scales) {
      if (Math.abs(v) >= size) {
        return (+(v / size).toFixed(2)) + word + ' ' + unit;
      }
    }
    return (+v.toFixed(2)) + ' ' + unit;
  }

  async function loadChart() {
    const form = $('#chart-form');
    series = await api('/series', {
      metric: form.metric.value, granularity: form.granularity.value, unit: form.unit.value
    });
    const units = Object.keys(series.units);
    const unitSelect = form.unit;
    const chosen = unitSelect.value;
    unitSelect.replaceChildren(el('option', { value: '' }, 'most common'),
      ...units.map((u) => el('option', { value: u }, u + ' (' + series.units[u] + ')')));
    unitSelect.value = units.includes(chosen) ? chosen : '';
    drawChart();
  }

  function drawChart() {
    const holder = $('#chart-plot');
    const tooltip = $('#chart-tooltip');
    document.body.append(tooltip);
    tooltip.hidden = true;
    if (plot) {
      plot.destroy();
      plot = null;
    }
    holder.replaceChildren();
    holder.dataset.series = String(series.lines.length);
    const periods = series.periods;
    $('#chart-caption').textContent = series.lines.length === 0
      ? 'No ' + METRIC_NAMES[series.metric] + ' figures with a ' + series.granularity + ' period to chart.'
      : METRIC_NAMES[series.metric] + ' by ' + series.granularity + (series.unit ? ' (' + series.unit + ')' : '')
        + ': ' + series.lines.length + (series.lines.length === 1 ? ' provider, ' : ' providers, ')
        + periods.length + (periods.length === 1 ? ' period' : ' periods') + '. Hover a point for its sources;'
        + ' click it for its claims.';
    fillChartTable(periods);
    if (series.lines.length === 0 || typeof uPlot === 'undefined') {
      return;
    }
    const colors = palette();
    const fg = cssVar('--fg');
    const grid = cssVar('--line');
    const byPeriod = series.lines.map((line) => new Map(line.points.map((p) => [p.period, p])));
    const data = [periods.map((_, i) => i),
      ...byPeriod.map((points) => periods.map((period) => (points.has(period) ? points.get(period).value : null)))];
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const options = {
      width: Math.max(280, holder.clientWidth),
      height: window.innerWidth < 640 ? 240 : 320,
      scales: { x: { time: false, range: () => [-0.5, periods.length - 0.5] } },
      axes: [
        Object.assign({}, axis, {
          splits: () => periods.map((_, i) => i),
          values: (u, splits) => splits.map((i) => periods[i] || '')
        }),
        Object.assign({}, axis, { size: 70, values: (u, values) => values.map((v) => formatValue(v, series.unit)) })
      ],
      series: [{ label: 'Period', value: (u, i) => (i == null ? '' : periods[i] || '') }].concat(series.lines.map((line, i) => ({
        label: line.name,
        stroke: colors[i % colors.length],
        width: 2,
        spanGaps: true,
        points: { show: true, size: 8, fill: colors[i % colors.length] },
        value: (u, v) => formatValue(v, series.unit)
      }))),
      cursor: { points: { size: 10 } },
      hooks: { setCursor: [(u) => showTip(u, byPeriod, periods)] }
    };
    plot = new uPlot(options, data, holder);
    plot.over.append(tooltip);
    plot.over.addEventListener('click', () => {
      const point = tooltip.point;
      if (!tooltip.hidden && point) {
        setClaimsFilter({ provider: point.provider, metric: series.metric, period: point.period });
      }
    });
    plot.over.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  }

  function showTip(u, byPeriod, periods) {
    const tooltip = $('#chart-tooltip');
    const idx = u.cursor.idx;
    if (idx == null || u.cursor.left < 0) {
      tooltip.hidden = true;
      return;
    }
    let best = -1;
    let bestDistance = Infinity;
    for (let s = 1; s < u.data.length; s++) {
      const v = u.data[s][idx];
      if (v != null && u.series[s].show !== false) {
        const d = Math.abs(u.valToPos(v, 'y') - u.cursor.top);
        if (d < bestDistance) {
          bestDistance = d;
          best = s;
        }
      }
    }
    if (best < 0 || bestDistance > 40) {
      tooltip.hidden = true;
      return;
    }
    const line = series.lines[best - 1];
    const point = byPeriod[best - 1].get(periods[idx]);
    tooltip.point = { provider: line.provider, period: point.period };
    tooltip.replaceChildren(
      el('p', {}, el('strong', {}, line.name), ' · ' + point.period),
      el('p', {}, el('span', { class: 'fig' }, point.text), ' (' + formatValue(point.value, series.unit) + ') · '
        + sourcesLabel(point.claims) + ' ', point.conflicting ? conflictMarker() : null),
      ...point.sources.map((s) => el('p', {}, '“' + cut(s.sentence, 220) + '”',
        el('span', { class: 'meta' }, (s.title ? cut(s.title, 80) + ' · ' : '') + host(s.url)))));
    tooltip.hidden = false;
    const x = u.valToPos(idx, 'x');
    const y = u.valToPos(point.value, 'y');
    const width = u.over.clientWidth;
    tooltip.style.left = Math.max(0, Math.min(x + 12, width - tooltip.offsetWidth)) + 'px';
    tooltip.style.top = (y + 12) + 'px';
  }

  function cut(text, n) {
    const t = text || '';
    return t.length <= n ? t : t.slice(0, n - 1) + '…';
  }

  function fillChartTable(periods) {
    const table = $('#chart-table');
    table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, 'Provider'),
      ...periods.map((p) => el('th', { scope: 'col' }, p))));
    $('#chart-table tbody').replaceChildren(...series.lines.map((line) => {
      const points = new Map(line.points.map((p) => [p.period, p]));
      return el('tr', {}, el('th', { scope: 'row' }, line.name), ...periods.map((period) => {
        const p = points.get(period);
        return el('td', { class: 'num' }, p ? el('a', {
          href: '#claims', 'data-provider': line.provider, 'data-period': period
        }, p.text) : '–', p && p.conflicting ? conflictMarker() : null);
      }));
    }));
  }

  // ---- claims ---------------------------------------------------------------------------------

  function setClaimsFilter(filters) {
    const form = $('#claims-form');
    for (const field of form.elements) {
      if (field.name) {
        field.value = '';
      }
    }
    for (const [k, v] of Object.entries(filters)) {
      if (form.elements[k]) {
        form.elements[k].value = v;
      }
    }
    claimsState.filters = readFilters();
    claimsState.offset = 0;
    location.hash = '#claims';
    return loadClaims();
  }

  function readFilters() {
    const filters = {};
    for (const [k, v] of new FormData($('#claims-form')).entries()) {
      if (String(v).trim() !== '') {
        filters[k] = String(v).trim();
      }
    }
    return filters;
  }

  /** The sentence with its figure marked (the first occurrence of the figure's text in it). */
  function sentenceCell(claim) {
    const sentence = claim.sentence || '';
    const at = sentence.indexOf(claim.text);
    if (at < 0) {
      return el('td', { 'data-label': 'Sentence' }, sentence);
    }
    return el('td', { 'data-label': 'Sentence' }, sentence.slice(0, at),
      el('mark', { class: 'figure' }, claim.text), sentence.slice(at + claim.text.length));
  }

  async function loadClaims() {
    const status = $('#claims-status');
    status.textContent = 'Loading claims…';
    let page;
    try {
      page = await api('/claims', Object.assign({ limit: PAGE, offset: claimsState.offset }, claimsState.filters));
    } catch (e) {
      status.textContent = 'Cannot show the claims: ' + e.message;
      return;
    }
    const rows = page.claims.map((c) => {
      claimsByPlace.set(c.articleId + '/' + c.start, c);
      const articleHref = '#article/' + c.articleId + '/' + c.start + '/' + c.end;
      return el('tr', {},
        el('td', { class: 'num', 'data-label': 'Published' }, c.publishedAt ? c.publishedAt.slice(0, 10) : '–'),
        el('td', { 'data-label': 'Provider' }, providerName(c.provider)),
        el('td', { 'data-label': 'Metric' }, METRIC_NAMES[c.metric] || c.metric),
        el('td', { class: 'num', 'data-label': 'Value' }, el('span', { class: 'fig' },
          (c.qualifier ? c.qualifier + ' ' : '') + c.text)),
        el('td', { 'data-label': 'Period' }, c.period || '–'),
        el('td', { class: 'num', 'data-label': 'Confidence' }, c.confidence == null ? '–' : c.confidence.toFixed(2)),
        sentenceCell(c),
        el('td', { 'data-label': 'Source' },
          el('a', { href: articleHref, class: 'article-link' }, c.articleTitle || host(c.articleUrl)),
          el('span', { class: 'meta' }, host(c.articleUrl) + (c.attribution ? ' · per ' + c.attribution : ''))));
    });
    $('#claims-table tbody').replaceChildren(...rows);
    const first = claimsState.offset + 1;
    status.textContent = page.claims.length === 0 ? 'No claims match.'
      : 'Claims ' + first + '–' + (claimsState.offset + page.claims.length) + (page.next == null ? '' : ', more on the next page') + '.';
    $('#claims-prev').disabled = claimsState.offset === 0;
    $('#claims-next').disabled = page.next == null;
    $('#claims-next').dataset.next = page.next == null ? '' : page.next;
  }

  // ---- article view ---------------------------------------------------------------------------

  /** The bounds of the claim's sentence in the text: where the sentence occurs around the figure. */
  function sentenceBounds(text, start, end, sentence) {
    if (sentence) {
      let at = text.indexOf(sentence, Math.max(0, end - sentence.length));
      while (at >= 0 && at <= start) {
        if (at + sentence.length >= end) {
          return [at, at + sentence.length];
        }
        at = text.indexOf(sentence, at + 1);
      }
    }
    const before = Math.max(text.lastIndexOf('. ', start), text.lastIndexOf('\n', start));
    const after = text.slice(end).search(/[.!?](\s|$)|\n/);
    return [before < 0 ? 0 : before + 1, after < 0 ? text.length : end + after + 1];
  }

  async function showArticle(id, start, end) {
    const section = $('#article');
    section.hidden = false;
    const holder = $('#article-text');
    holder.textContent = 'Loading the article…';
    let article;
    try {
      article = await api('/articles/' + encodeURIComponent(id));
    } catch (e) {
      holder.textContent = 'Cannot show the article: ' + e.message;
      return;
    }
    $('#article-title').textContent = article.title || 'Article';
    const link = $('#article-url');
    link.textContent = article.url;
    if (/^https?:\/\//i.test(article.url)) {
      link.setAttribute('href', article.url);
    } else {
      link.removeAttribute('href');
    }
    const text = article.text || '';
    const claim = claimsByPlace.get(id + '/' + start);
    const [from, to] = sentenceBounds(text, start, end, claim && claim.sentence);
    const a = Math.min(from, start);
    const b = Math.max(to, end);
    holder.replaceChildren(text.slice(0, a),
      el('mark', { class: 'sentence' }, text.slice(a, start),
        el('mark', { class: 'figure', id: 'article-figure' }, text.slice(start, end)), text.slice(end, b)),
      text.slice(b));
    section.scrollIntoView();
    holder.focus({ preventScroll: true });
    $('#article-figure').scrollIntoView({ block: 'center' });
  }

  function route() {
    const m = /^#article\/([0-9a-f]{32})\/(\d+)\/(\d+)$/.exec(location.hash);
    if (m) {
      showArticle(m[1], +m[2], +m[3]);
    } else {
      $('#article').hidden = true;
    }
  }

  // ---- facts ----------------------------------------------------------------------------------

  async function loadFacts() {
    const form = $('#facts-form');
    const body = await api('/facts', {
      provider: form.provider.value, conflicts: form.conflicts.checked ? 'true' : '', limit: 100
    });
    const groups = new Map();
    for (const f of body.facts) {
      const key = [f.provider, f.metric, f.period, f.kind, f.currency].join('|');
      if (!groups.has(key)) {
        groups.set(key, []);
      }
      groups.get(key).push(f);
    }
    const list = $('#facts-list');
    list.replaceChildren(...[...groups.values()].map((facts) => {
      const f = facts[0];
      const conflicting = facts.some((x) => x.conflicting);
      return el('article', { class: 'fact-group' + (conflicting ? ' conflicting' : '') },
        el('h3', {}, providerName(f.provider) + ' · ' + (METRIC_NAMES[f.metric] || f.metric) + ' · '
          + (f.period || 'no period') + ' ', conflicting ? conflictMarker() : null),
        el('div', { class: conflicting ? 'side-by-side' : '' }, ...facts.map((x) => el('div', { class: 'fact' },
          el('span', { class: 'fig' }, x.text), ' ', el('span', { class: 'meta' }, sourcesLabel(x.claims)),
          el('ul', {}, ...x.sources.slice(0, SOURCES_SHOWN).map((url) => el('li', {}, externalLink(url))),
            x.sources.length > SOURCES_SHOWN ? el('li', {}, 'and ' + (x.sources.length - SOURCES_SHOWN) + ' more') : null)))));
    }));
    if (groups.size === 0) {
      list.replaceChildren(el('p', {}, 'No facts.'));
    }
  }

  // ---- start ----------------------------------------------------------------------------------

  async function loadProviders() {
    const body = await api('/providers');
    for (const p of body.providers) {
      providerNames.set(p.id, p.name);
    }
    for (const select of [$('#claims-form').provider, $('#facts-form').provider]) {
      select.append(...body.providers.map((p) => el('option', { value: p.id }, p.name + ' (' + p.claims + ')')));
    }
  }

  function wire() {
    $('#claims-form').addEventListener('submit', (event) => {
      event.preventDefault();
      claimsState.filters = readFilters();
      claimsState.offset = 0;
      loadClaims();
    });
    $('#claims-form').addEventListener('reset', () => setTimeout(() => {
      claimsState.filters = {};
      claimsState.offset = 0;
      loadClaims();
    }));
    $('#claims-prev').addEventListener('click', () => {
      claimsState.offset = Math.max(0, claimsState.offset - PAGE);
      loadClaims();
    });
    $('#claims-next').addEventListener('click', () => {
      claimsState.offset = +$('#claims-next').dataset.next;
      loadClaims();
    });
    $('#chart-form').addEventListener('change', (event) => {
      if (event.target.name !== 'unit') {
        $('#chart-form').unit.value = '';
      }
      loadChart();
    });
    $('#chart-table').addEventListener('click', (event) => {
      const link = event.target.closest('a[data-provider]');
      if (link) {
        event.preventDefault();
        setClaimsFilter({ provider: link.dataset.provider, metric: series.metric, period: link.dataset.period });
      }
    });
    $('#facts-form').addEventListener('change', loadFacts);
    window.addEventListener('hashchange', route);
    let resizing = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => { if (series) { drawChart(); } }, 150);
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (series) { drawChart(); } });
  }

  async function start() {
    wire();
    const status = $('#status');
    try {
      await loadProviders();
      await Promise.all([loadOverview(), loadChart(), loadClaims(), loadFacts()]);
      route();
      const ms = Math.round(performance.now()); // since the navigation started
      document.body.dataset.ready = 'true';
      document.body.dataset.readyMs = String(ms);
      status.textContent = 'Read-only view of the claims store. Loaded in ' + ms + ' ms.';
    } catch (e) {
      document.body.dataset.ready = 'error';
      status.textContent = 'Cannot load the claims: ' + e.message;
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
