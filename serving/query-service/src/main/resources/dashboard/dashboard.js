// Newsflow analyst dashboard: reads /api/stories, /api/stats/volume and /api/pipeline with the
// analyst key kept in sessionStorage, and draws them with Chart.js (served from its WebJar).
// No build step; all data goes into the page as text, never as HTML.
'use strict';

const KEY = 'newsflow.analystKey';
const $ = (id) => document.getElementById(id);
const charts = {};
window.newsflowCharts = charts; // for tests and the console

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY), Accept: 'application/json' },
  });
  let body = null;
  try { body = await response.json(); } catch (e) { /* not JSON: keep the status */ }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || response.statusText);
  }
  return body;
}

function describe(error) {
  if (!(error instanceof ApiError)) return 'The service cannot be reached: ' + error.message;
  if (error.status === 401) return 'The key was refused (401): ' + error.message + '. Enter an analyst key.';
  if (error.status === 403) return 'This key may not open the dashboard (403): ' + error.message;
  if (error.status === 429) return 'Too many requests (429); try again in a moment.';
  if (error.status >= 500) return 'The service could not answer (' + error.status + '): ' + error.message;
  return 'Request failed (' + error.status + '): ' + error.message;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

function renderStories(list, stories, empty) {
  list.replaceChildren();
  if (stories.length === 0) list.append(el('li', empty, 'muted'));
  for (const s of stories) {
    const item = el('li');
    item.dataset.storyId = s.storyId;
    item.append(el('div', s.headline || s.storyId, 'headline'));
    if (s.summary) item.append(el('p', s.summary, 'summary'));
    item.append(el('div',
      plural(s.sourceCount, 'source') + ' · ' + plural(s.articleCount, 'article') + ' · importance ' +
      Number(s.importance).toFixed(2) + ' · growth ' + Number(s.growthRate).toFixed(1) +
      '/h · velocity ' + Number(s.velocity).toFixed(2) + ' · first ' + when(s.firstSeen) +
      ' · last ' + when(s.lastSeen), 'meta'));
    list.append(item);
  }
}

function plural(n, noun) {
  return n + ' ' + noun + (n === 1 ? '' : 's');
}

function label(iso, interval) {
  const d = new Date(iso);
  return interval.endsWith('H') && interval !== 'PT24H'
    ? d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function drawChart(id, volume, series) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new Chart($(id), {
    type: 'line',
    data: {
      labels: volume.buckets.map((b) => label(b, volume.interval)),
      datasets: series.map((s) => ({ label: s.key, data: s.counts, cubicInterpolationMode: 'monotone', pointRadius: 2 })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    },
  });
}

function renderPipeline(p) {
  const root = $('pipeline');
  root.replaceChildren();
  const lag = el('table');
  lag.append(row('th', ['Consumer group', 'State', 'Lag']));
  for (const g of p.consumerLag) lag.append(row('td', [g.group, g.state, g.lag]));
  root.append(lag);
  const dlq = p.deadLetters;
  root.append(el('p', 'Dead letters (' + dlq.topic + '): ' + dlq.lastHour + ' in the last hour, ' +
    dlq.retained + ' retained (offset counts, an upper bound)'));
  const f = p.feeds;
  const outcomes = Object.entries(f.byOutcome).map(([k, v]) => k + ' ' + v).join(', ') || 'none';
  root.append(el('p', 'Feeds: ' + f.feeds + ' (' + outcomes + '), ' + f.failingFeeds + ' failing' +
    (f.truncated ? ' (partial read)' : '') + '; last poll ' + when(f.lastCheckedAt)));
  if (f.failing.length) {
    const failing = el('table');
    failing.append(row('th', ['Failing feed', 'Failures', 'Last error']));
    for (const x of f.failing) failing.append(row('td', [x.feedUrl, x.consecutiveFailures, x.lastError || '']));
    root.append(failing);
  }
  root.append(el('p', 'Checked ' + when(p.checkedAt), 'muted'));
}

function row(cell, values) {
  const tr = el('tr');
  values.forEach((v, i) => tr.append(el(cell, v, i === values.length - 1 && typeof v === 'number' ? 'num' : '')));
  return tr;
}

function panelError(id, error) {
  $(id).replaceChildren(el('p', describe(error), 'panel-error'));
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function askForKey(message) {
  sessionStorage.removeItem(KEY);
  $('panels').hidden = true;
  $('key-form').hidden = false;
  showError(message);
  document.body.dataset.state = message ? 'error' : 'needs-key';
  $('api-key').focus();
}

async function load() {
  document.body.dataset.state = 'loading';
  $('key-form').hidden = true;
  $('panels').hidden = false;
  showError('');
  const trendingWindow = $('trending-window').value;
  const results = await Promise.allSettled([
    api('/api/stories?limit=10&window=' + encodeURIComponent(trendingWindow)),
    api('/api/stats/volume?window=' + encodeURIComponent($('volume-window').value)),
    api('/api/pipeline'),
  ]);
  const denied = results.find((r) => r.status === 'rejected' && [401, 403].includes(r.reason.status));
  if (denied) {
    askForKey(describe(denied.reason));
    return;
  }
  const [stories, volume, pipeline] = results;
  if (stories.status === 'fulfilled') {
    $('story-total').textContent = stories.value.total + ' stories';
    $('trending-since').textContent = 'since ' + when(stories.value.trending.since);
    renderStories($('top-stories'), stories.value.top, 'No stories yet.');
    renderStories($('trending-stories'), stories.value.trending.stories, 'Nothing seen in this window.');
  } else {
    panelError('top-stories', stories.reason);
    panelError('trending-stories', stories.reason);
  }
  if (volume.status === 'fulfilled') {
    drawChart('chart-sources', volume.value, volume.value.bySource);
    drawChart('chart-topics', volume.value, volume.value.byTopic);
  } else {
    showError(describe(volume.reason));
  }
  if (pipeline.status === 'fulfilled') renderPipeline(pipeline.value);
  else panelError('pipeline', pipeline.reason);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) showError(failed.map((r) => describe(r.reason)).join(' '));
  document.body.dataset.state = failed.length ? 'error' : 'loaded';
}

document.addEventListener('DOMContentLoaded', () => {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    load();
  });
  $('refresh').addEventListener('click', load);
  $('trending-window').addEventListener('change', load);
  $('volume-window').addEventListener('change', load);
  $('sign-out').addEventListener('click', () => askForKey(''));
  if (sessionStorage.getItem(KEY)) load();
  else askForKey('');
});
