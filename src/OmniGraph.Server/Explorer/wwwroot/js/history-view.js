// The History view: every branch's commits as one timeline (a lane per branch, solid lines to first parents, dashed
// lines to merged parents), a selected commit's changes, reading the graph at a commit, and the diff of two commits.
import { json, graphPath, ApiError } from './api.js';
import { renderTable } from './table.js';

const $ = id => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const LANE = 120, ROW = 28, TOP = 34, LEFT = 30;
const COLORS = ['#2458c6', '#d9480f', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function when(commit) {
  // created_at is microseconds since the epoch (milliseconds for older commits: both read sensibly).
  const ms = commit.created_at > 1e14 ? commit.created_at / 1000 : commit.created_at;
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export class HistoryView {
  constructor(context, readAt) {
    this.context = context;
    this.readAt = readAt;
    $('diff-form').addEventListener('submit', event => { event.preventDefault(); this.diff(); });
  }

  reset() { this.loaded = null; }

  async show() {
    const key = this.context.graph;
    if (this.loaded === key) return;
    this.loaded = key;
    const { branches } = await json(graphPath(key, '/branches'));
    const lists = await Promise.all(branches.map(b => json(graphPath(key, `/commits?branch=${encodeURIComponent(b)}`))));
    // A commit belongs to the lane of the first branch (main first) whose history holds it.
    const ordered = [...branches].sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : a.localeCompare(b)));
    const commits = new Map();
    for (const branch of ordered) {
      for (const commit of lists[branches.indexOf(branch)].commits) {
        if (!commits.has(commit.graph_commit_id)) commits.set(commit.graph_commit_id, { ...commit, lane: ordered.indexOf(branch), branch });
      }
    }
    this.commits = [...commits.values()].sort((a, b) => b.graph_commit_id.localeCompare(a.graph_commit_id));
    this.lanes = ordered;
    this.drawTimeline();
    const options = () => this.commits.map(c => new Option(`${c.graph_commit_id.slice(-8)} ${c.branch} v${c.graph_manifest_version}`, c.graph_commit_id));
    $('diff-from').replaceChildren(...options());
    $('diff-to').replaceChildren(...options());
    if (this.commits.length > 1) $('diff-from').selectedIndex = 1;
  }

  drawTimeline() {
    const width = LEFT + this.lanes.length * LANE + 260, height = TOP + this.commits.length * ROW + 10;
    const svg = el('svg', { width, height, role: 'group', 'aria-label': `Commit timeline: ${this.commits.length} commits on ${this.lanes.length} branches` });
    const position = new Map(this.commits.map((c, i) => [c.graph_commit_id, [LEFT + c.lane * LANE, TOP + i * ROW]]));
    this.lanes.forEach((lane, i) => svg.append(el('text', { x: LEFT + i * LANE - 10, y: 16, class: 'lane-label', fill: COLORS[i % COLORS.length] }, lane)));
    for (const c of this.commits) {
      const [x, y] = position.get(c.graph_commit_id);
      for (const [parent, cls] of [[c.parent_commit_id, 'first-parent'], [c.merged_parent_commit_id, 'merged-parent']]) {
        const to = parent && position.get(parent);
        if (!to) continue;
        svg.append(el('path', { class: cls, stroke: COLORS[c.lane % COLORS.length], d: `M ${x} ${y} C ${x} ${y + ROW / 2}, ${to[0]} ${to[1] - ROW / 2}, ${to[0]} ${to[1]}` }));
      }
    }
    this.commits.forEach((c, i) => {
      const [x, y] = position.get(c.graph_commit_id);
      const group = el('g', { class: 'commit', tabindex: 0, role: 'button', 'data-commit': c.graph_commit_id,
        'aria-label': `Commit ${c.graph_commit_id} on ${c.branch}, version ${c.graph_manifest_version}${c.merged_parent_commit_id ? ', a merge' : ''}` });
      group.append(el('circle', { cx: x, cy: y, r: 7, fill: COLORS[c.lane % COLORS.length] }));
      group.append(el('text', { x: LEFT + this.lanes.length * LANE - 40, y: y + 4 },
        `${c.graph_commit_id.slice(-8)}  v${c.graph_manifest_version}  ${when(c)}${c.actor_id ? '  ' + c.actor_id : ''}`));
      const open = () => this.select(c, group);
      group.addEventListener('click', open);
      group.addEventListener('keydown', e => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          svg.querySelectorAll('.commit')[Math.max(0, Math.min(this.commits.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
        }
      });
      svg.append(group);
    });
    $('history-timeline').replaceChildren(svg);
  }

  async select(commit, group) {
    document.querySelectorAll('.timeline .commit.selected').forEach(g => g.classList.remove('selected'));
    group.classList.add('selected');
    const details = $('commit-details');
    const heading = document.createElement('h2');
    heading.textContent = `Commit ${commit.graph_commit_id}`;
    const facts = document.createElement('p');
    facts.textContent = `branch ${commit.branch} · version ${commit.graph_manifest_version} · ${when(commit)}` +
      (commit.actor_id ? ` · actor ${commit.actor_id}` : '') + (commit.parent_commit_id ? ` · parent ${commit.parent_commit_id}` : ' · first commit') +
      (commit.merged_parent_commit_id ? ` · merged ${commit.merged_parent_commit_id}` : '');
    const read = document.createElement('button');
    read.type = 'button';
    read.id = 'read-at-commit';
    read.textContent = 'Read the graph at this commit';
    read.addEventListener('click', () => this.readAt(commit.graph_commit_id));
    const changes = document.createElement('div');
    details.replaceChildren(heading, facts, read, changes);
    if (!commit.parent_commit_id) { changes.textContent = 'The first commit has no parent to compare with.'; return; }
    try {
      const page = await json(graphPath(this.context.graph, `/commits/${encodeURIComponent(commit.graph_commit_id)}/changes?limit=500`));
      const rows = page.changes.map(c => ({
        op: c.op, kind: c.kind, type: c.type.name, id: c.id,
        after: c.after ? JSON.stringify(c.after.properties) : null, before: c.before ? JSON.stringify(c.before.properties) : null,
      }));
      renderTable(changes, ['op', 'kind', 'type', 'id', 'after', 'before'], rows,
        `${rows.length} changes${page.next_page_token ? ' (first page)' : ''}`);
    } catch (error) {
      changes.textContent = error instanceof ApiError ? `error[${error.code}]: ${error.message}` : String(error);
    }
  }

  async diff() {
    const output = $('diff-output');
    try {
      const from = $('diff-from').value, to = $('diff-to').value;
      const diff = await json(graphPath(this.context.graph, `/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
      const rows = diff.changes.map(c => ({ op: c.op, kind: c.kind, type: c.type_name, id: c.id, endpoints: c.endpoints ? `${c.endpoints.from} → ${c.endpoints.to}` : null }));
      renderTable(output, ['op', 'kind', 'type', 'id', 'endpoints'], rows,
        `v${diff.from_graph_manifest_version} → v${diff.to_graph_manifest_version}: ${rows.length} net changes`);
    } catch (error) {
      output.textContent = error instanceof ApiError ? `error[${error.code}]: ${error.message}` : String(error);
    }
  }
}
