// The Query view: the editor with lint as you type, the parameter form built from the selected query's declared
// parameters, the run with its round trip, and the result as a sortable table and a node-link drawing.
import { request, json, graphPath, ApiError } from './api.js';
import { Editor } from './editor.js';
import { renderTable } from './table.js';
import { GraphView } from './graph-view.js';
import { nodeType, keyProperty, keyValue, propertiesQuery, neighbourQueries } from './schema-model.js';

const $ = id => document.getElementById(id);
const LINT_DELAY_MS = 250;

const STARTER = `// Ctrl+Enter runs the selected query.
query people() {
  match { $p: Person }
  return { $p.name, $p.age }
  order { $p.name asc }
}
`;

export class QueryView {
  constructor(context) {
    this.context = context;
    this.lint = null;
    this.lintSequence = 0;
    this.editor = new Editor($('query-source'), $('editor-highlight'), () => this.scheduleLint());
    this.editor.value = localStorage.getItem('omnigraph.explorer.query') ?? STARTER;
    this.graph = new GraphView($('graph-canvas'), $('graph-legend'), $('graph-stats'), node => this.showNode(node));
    $('query-source').addEventListener('keydown', event => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); this.run(); }
    });
    $('run-form').addEventListener('submit', event => { event.preventDefault(); this.run(); });
    $('query-name').addEventListener('change', () => this.renderParams());
    $('show-table').addEventListener('click', () => this.showResult('table'));
    $('show-graph').addEventListener('click', () => this.showResult('graph'));
  }

  reset() { this.scheduleLint(0); }

  show() { if (!this.lint) this.scheduleLint(0); }

  /** Time travel: the next runs read commitId (from the History view). */
  readAt(commitId) {
    $('snapshot').value = commitId;
    this.run();
  }

  scheduleLint(delay = LINT_DELAY_MS) {
    clearTimeout(this.lintTimer);
    localStorage.setItem('omnigraph.explorer.query', this.editor.value);
    this.lintTimer = setTimeout(() => this.runLint(), delay);
  }

  async runLint() {
    if (!this.context.graph) return;
    const sequence = ++this.lintSequence;
    let report;
    try {
      report = await json(graphPath(this.context.graph, '/lint'), { method: 'POST', body: { query: this.editor.value, branch: this.context.branch } });
    } catch (error) {
      this.renderLintFailure(error);
      return;
    }
    // A slower answer to an older text must not replace a newer one.
    if (sequence !== this.lintSequence) return;
    this.lint = report;
    this.renderLint(report);
  }

  renderLintFailure(error) {
    $('lint-summary').className = 'lint-summary error';
    $('lint-summary').textContent = `lint failed: ${error.message}`;
  }

  renderLint(report) {
    const summary = $('lint-summary');
    summary.className = 'lint-summary ' + report.status;
    summary.textContent = report.status === 'ok'
      ? `✓ ${report.queries_processed} ${report.queries_processed === 1 ? 'query' : 'queries'} checked` + (report.warnings ? `, ${report.warnings} warnings` : '')
      : `✗ ${report.errors} ${report.errors === 1 ? 'error' : 'errors'}`;
    $('lint-list').replaceChildren(...report.findings.map(f => {
      const item = document.createElement('li');
      item.className = f.severity;
      item.textContent = `${f.severity}[${f.code}]${f.line ? ` line ${f.line}` : ''}: ${f.message}`;
      return item;
    }));
    this.editor.mark(report.findings.filter(f => f.severity === 'error'));
    const picker = $('query-name');
    const previous = picker.value;
    const reads = report.results.filter(r => r.kind === 'read');
    picker.replaceChildren(...reads.map(r => new Option(r.name + (r.status === 'error' ? ' (error)' : ''), r.name, false, r.name === previous)));
    this.renderParams();
  }

  selected() { return this.lint?.results.find(r => r.name === $('query-name').value) ?? null; }

  renderParams() {
    const fieldset = $('params');
    const legend = fieldset.querySelector('legend');
    const query = this.selected();
    const params = query?.params ?? [];
    const kept = Object.fromEntries([...fieldset.querySelectorAll('[data-param]')].map(i => [i.dataset.param, i.type === 'checkbox' ? i.checked : i.value]));
    const parts = [legend];
    if (!params.length) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = 'No parameters.';
      parts.push(none);
    }
    for (const p of params) {
      const id = 'param-' + p.name;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `$${p.name}: ${p.kind}${p.item_kind ? ' of ' + p.item_kind : ''}${p.nullable ? '?' : ''}`;
      const input = document.createElement('input');
      input.id = id;
      input.dataset.param = p.name;
      input.dataset.kind = p.kind;
      input.type = { bool: 'checkbox', int: 'number', bigint: 'number', float: 'number', date: 'date' }[p.kind] ?? 'text';
      if (p.kind === 'float') input.step = 'any';
      if (p.kind === 'list' || p.kind === 'vector') input.placeholder = 'JSON array, e.g. ["a", "b"]';
      if (p.kind === 'datetime') input.placeholder = '2024-06-01T12:00:00Z';
      input.required = !p.nullable && p.kind !== 'bool';
      if (kept[p.name] !== undefined) { if (input.type === 'checkbox') input.checked = kept[p.name]; else input.value = kept[p.name]; }
      parts.push(label, input);
    }
    fieldset.replaceChildren(...parts);
  }

  paramValues() {
    const values = {};
    for (const input of $('params').querySelectorAll('[data-param]')) {
      const kind = input.dataset.kind;
      if (kind === 'bool') { values[input.dataset.param] = input.checked; continue; }
      if (input.value === '') continue;  // a nullable parameter left out is null
      values[input.dataset.param] = kind === 'int' || kind === 'float' ? Number(input.value)
        : kind === 'list' || kind === 'vector' ? JSON.parse(input.value)
          : input.value;  // bigint stays a string: JSON numbers lose precision past 2^53
    }
    return values;
  }

  async run() {
    if (!this.lint) await this.runLint();
    const query = this.selected();
    const status = $('run-status');
    if (!query) { status.className = 'run-status error'; status.textContent = 'No read query to run.'; return; }
    let params;
    try { params = this.paramValues(); } catch (error) { status.className = 'run-status error'; status.textContent = `parameters: ${error.message}`; return; }
    const snapshot = $('snapshot').value.trim();
    const body = { query: this.editor.value, name: query.name, params, ...(snapshot ? { snapshot } : { branch: this.context.branch }) };
    status.className = 'run-status';
    status.textContent = 'Running…';
    try {
      const { body: result, ms } = await request(graphPath(this.context.graph, '/query'), { method: 'POST', body });
      const renderStart = performance.now();
      this.renderResult(query, result);
      const renderMs = performance.now() - renderStart;
      status.textContent = `${result.row_count} rows · round trip ${ms.toFixed(0)} ms · rendered in ${renderMs.toFixed(0)} ms · ` +
        `${snapshot ? 'snapshot ' + snapshot : 'branch ' + this.context.branch} at commit ${result.graph_commit_id}`;
      status.dataset.roundTripMs = ms.toFixed(1);
    } catch (error) {
      status.className = 'run-status error';
      status.textContent = error instanceof ApiError ? `error[${error.code}]: ${error.message}` : String(error);
    }
  }

  renderResult(query, result) {
    renderTable($('result-table'), result.columns, result.rows, `${query.name}: ${result.row_count} rows`);
    const columns = query.operation?.result ?? [];
    const nodeColumns = columns.filter(c => c.node_type);
    const nodes = [], links = [];
    for (const row of result.rows) {
      for (const c of nodeColumns) if (row[c.name] !== null) nodes.push({ type: c.node_type, id: row[c.name] });
      for (const link of query.operation?.links ?? []) {
        const from = columns.find(c => c.name === link.from), to = columns.find(c => c.name === link.to);
        if (row[link.from] === null || row[link.to] === null) continue;
        links.push({ from: from.node_type + '\u0000' + row[link.from], to: to.node_type + '\u0000' + row[link.to], type: link.edge_type });
      }
    }
    $('show-graph').disabled = nodeColumns.length === 0;
    $('node-details').hidden = true;
    if (nodeColumns.length) {
      this.showResult('graph');
      this.graph.setGraph(nodes, links);
    } else {
      this.showResult('table');
      this.graph.setGraph([], []);
    }
  }

  showResult(which) {
    $('show-table').setAttribute('aria-pressed', String(which === 'table'));
    $('show-graph').setAttribute('aria-pressed', String(which === 'graph'));
    $('result-table').hidden = which !== 'table';
    $('result-graph').hidden = which !== 'graph';
    if (which === 'graph') this.graph.requestDraw();
  }

  async showNode(node) {
    const panel = $('node-details');
    if (!node) { panel.hidden = true; return; }
    panel.hidden = false;
    const heading = document.createElement('h2');
    heading.textContent = `${node.type} ${node.id}`;
    panel.replaceChildren(heading);
    const type = nodeType(this.context.schema, node.type);
    const key = keyProperty(type);
    if (!key) {
      panel.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'This type has no single key: its nodes cannot be looked up by id.' }));
      return;
    }
    const target = this.readTarget();
    try {
      const result = await json(graphPath(this.context.graph, '/query'), { method: 'POST', body: { query: propertiesQuery(type, key), params: { id: keyValue(key, node.id) }, ...target } });
      const list = document.createElement('dl');
      for (const [column, value] of Object.entries(result.rows[0] ?? {})) {
        const dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = column.replace(/^n\./, '');
        dd.textContent = value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        list.append(dt, dd);
      }
      const expand = document.createElement('button');
      expand.type = 'button';
      expand.id = 'expand-node';
      expand.textContent = 'Expand neighbours';
      expand.addEventListener('click', () => this.expand(node, type, key, expand));
      panel.append(list, expand);
    } catch (error) {
      panel.append(Object.assign(document.createElement('p'), { className: 'run-status error', textContent: error.message }));
    }
  }

  readTarget() {
    const snapshot = $('snapshot').value.trim();
    return snapshot ? { snapshot } : { branch: this.context.branch };
  }

  /** Adds the node's neighbours: one read per edge type that touches its type, run together. */
  async expand(node, type, key, button) {
    button.disabled = true;
    const queries = neighbourQueries(this.context.schema, type, key);
    const target = this.readTarget();
    const started = performance.now();
    const answers = await Promise.all(queries.map(q =>
      json(graphPath(this.context.graph, '/query'), { method: 'POST', body: { query: q.source, params: { id: keyValue(key, node.id) }, ...target } })
        .then(result => ({ q, result }), error => ({ q, error }))));
    const nodes = [], links = [];
    for (const { q, result } of answers) {
      if (!result) continue;
      const otherType = q.outgoing ? q.edge.to : q.edge.from;
      for (const row of result.rows) {
        nodes.push({ type: otherType, id: row.m });
        const self = node.type + '\u0000' + node.id, other = otherType + '\u0000' + row.m;
        links.push({ from: q.outgoing ? self : other, to: q.outgoing ? other : self, type: q.edge.name });
      }
    }
    this.graph.add(nodes, links, node.key);
    const failed = answers.filter(a => a.error).length;
    button.textContent = `Expanded: ${nodes.length} neighbours over ${queries.length} edge directions in ${(performance.now() - started).toFixed(0)} ms` + (failed ? ` (${failed} failed)` : '');
  }
}
