// Boot: the graph picker, the tabs, and the views, each told when the graph or branch changes.
import { json, onTokenChange, signOut, ApiError } from './api.js';
import { QueryView } from './query-view.js';
import { SchemaView } from './schema-view.js';
import { HistoryView } from './history-view.js';
import { ClusterView } from './cluster-view.js';

const $ = id => document.getElementById(id);
const context = { graph: null, branch: 'main', schema: null };
const views = {
  query: new QueryView(context),
  schema: new SchemaView(context),
  history: new HistoryView(context, readAt),
  cluster: new ClusterView(context),
};
let current = 'query';

function readAt(commitId) {
  views.query.readAt(commitId);
  select('query');
}

function select(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const on = tab.id === 'tab-' + name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
  views[current]?.hide?.();
  current = name;
  history.replaceState(null, '', `?graph=${encodeURIComponent(context.graph ?? '')}&branch=${encodeURIComponent(context.branch)}#${name}`);
  if (context.graph) views[name].show();
}

// Tabs: click, or arrow keys / Home / End inside the tab list (the WAI-ARIA tabs pattern).
const tabs = [...document.querySelectorAll('[role=tab]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab.id.slice(4)));
  tab.addEventListener('keydown', event => {
    const index = tabs.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    target.focus();
    select(target.id.slice(4));
  });
}

async function open(graph, branch) {
  context.graph = graph;
  context.branch = branch || 'main';
  localStorage.setItem('omnigraph.explorer.graph', graph);
  context.schema = null;
  try {
    const { branches } = await json(`/graphs/${encodeURIComponent(graph)}/branches`);
    const picker = $('branch');
    picker.replaceChildren(...branches.map(b => new Option(b, b, false, b === context.branch)));
    context.schema = await json(`/graphs/${encodeURIComponent(graph)}/schema/ir?branch=${encodeURIComponent(context.branch)}`);
  } catch (error) {
    $('auth-state').textContent = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    return;
  }
  for (const view of Object.values(views)) view.reset?.();
  select(current);
}

$('graph-form').addEventListener('submit', event => {
  event.preventDefault();
  open($('graph-id').value.trim(), $('branch').value);
});
$('branch').addEventListener('change', () => open(context.graph, $('branch').value));

onTokenChange(has => {
  const state = $('auth-state');
  state.replaceChildren(has ? 'Signed in with a token ' : '');
  if (has) {
    const out = document.createElement('button');
    out.type = 'button';
    out.textContent = 'Sign out';
    out.addEventListener('click', () => { signOut(); location.reload(); });
    state.append(out);
  }
});

async function boot() {
  const params = new URLSearchParams(location.search);
  const hash = location.hash.slice(1);
  if (views[hash]) current = hash;
  // The graph list is only open to actors a server policy grants graph_list; otherwise the id is typed or in the URL.
  try {
    const { graphs } = await json('/graphs');
    $('graph-ids').replaceChildren(...graphs.map(g => new Option(g.graph_id)));
    if (!params.get('graph') && graphs.length) params.set('graph', graphs[0].graph_id);
  } catch { /* 403 without graph_list: type the id */ }
  const graph = params.get('graph') || localStorage.getItem('omnigraph.explorer.graph');
  if (graph) {
    $('graph-id').value = graph;
    await open(graph, params.get('branch') || 'main');
  } else {
    $('graph-id').focus();
  }
  document.body.dataset.ready = 'true';
  performance.mark('explorer-ready');
}

boot();
