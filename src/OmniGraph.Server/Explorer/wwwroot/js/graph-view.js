// The node-link drawing of a result: nodes coloured by type, laid out and painted by a worker (graph-worker.js) on the
// canvas it is handed; the page keeps the nodes, hit-tests clicks against the worker's last positions, and turns
// drags, the wheel and keys into pans, zooms and selections. Click or Enter on a node shows its properties and a
// button to expand its neighbours.

const PALETTE = ['#2458c6', '#d9480f', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d', '#495057', '#7048e8'];

export class GraphView {
  /** onSelect(node) is called when a node is clicked or chosen with the keyboard (null: the background). */
  constructor(canvas, legend, stats, onSelect) {
    this.canvas = canvas;
    this.legend = legend;
    this.stats = stats;
    this.onSelect = onSelect;
    this.nodes = [];
    this.index = new Map();
    this.links = [];
    this.colors = new Map();
    this.positions = new Float32Array(0);
    this.view = { x: 0, y: 0, scale: 1 };
    this.selected = -1;
    // Layout and painting both run in the worker, on the canvas it is handed (docs/explorer.md#speed).
    this.worker = new Worker('/explorer/js/graph-worker.js');
    const offscreen = canvas.transferControlToOffscreen();
    this.worker.postMessage({ kind: 'canvas', canvas: offscreen }, [offscreen]);
    this.worker.onmessage = ({ data }) => {
      this.positions = data.positions;
      this.view = data.view;
      this.canvas.dataset.drawn = String(data.drawn);
      this.canvas.dataset.settled = String(data.settled);
    };
    new ResizeObserver(() => this.worker.postMessage({ kind: 'size', width: canvas.clientWidth, height: canvas.clientHeight, dpr: devicePixelRatio }))
      .observe(canvas);
    this.bindInput();
  }

  /** Replaces the drawing with nodes [{type, id}] and links [{from, to, type}] (from/to: node keys "type\u0000id"). */
  setGraph(nodes, links) {
    this.nodes = [];
    this.index = new Map();
    this.links = [];
    this.selected = -1;
    this.canvas.dataset.settled = 'false';
    this.add(nodes, links, null);
  }

  /** Adds nodes and links (keeping the current positions); anchor is the key of the node they were expanded from. */
  add(nodes, links, anchor) {
    const keep = this.nodes.length > 0;
    const anchors = new Array(this.nodes.length).fill(-1);
    const anchorIndex = anchor ? this.index.get(anchor) ?? -1 : -1;
    for (const node of nodes) {
      const key = node.type + '\u0000' + node.id;
      if (this.index.has(key)) continue;
      this.index.set(key, this.nodes.length);
      this.nodes.push({ ...node, key });
      anchors.push(anchorIndex);
      if (!this.colors.has(node.type)) this.colors.set(node.type, PALETTE[this.colors.size % PALETTE.length]);
    }
    const seen = new Set(this.links.map(l => l.a + ',' + l.b + ',' + l.type));
    for (const link of links) {
      const a = this.index.get(link.from), b = this.index.get(link.to);
      if (a === undefined || b === undefined || seen.has(a + ',' + b + ',' + link.type)) continue;
      seen.add(a + ',' + b + ',' + link.type);
      this.links.push({ a, b, type: link.type });
    }
    const flat = new Int32Array(this.links.length * 2);
    this.links.forEach((l, i) => { flat[2 * i] = l.a; flat[2 * i + 1] = l.b; });
    const typeNames = [...this.colors.keys()];
    const types = new Uint16Array(this.nodes.map(n => typeNames.indexOf(n.type)));
    this.canvas.dataset.settled = 'false';
    this.worker.postMessage({
      kind: 'graph', count: this.nodes.length, links: flat, types, colors: [...this.colors.values()],
      labels: this.nodes.map(n => String(n.id)), keep, anchors,
    }, [flat.buffer, types.buffer]);
    this.renderLegend();
  }

  renderLegend() {
    this.legend.replaceChildren(...[...this.colors].map(([type, color]) => {
      const item = document.createElement('span');
      item.className = 'legend-item';
      const dot = document.createElement('span');
      dot.className = 'legend-dot';
      dot.style.background = color;
      item.append(dot, type);
      return item;
    }));
    this.canvas.dataset.nodes = String(this.nodes.length);
    this.canvas.dataset.links = String(this.links.length);
    this.stats.textContent = `${this.nodes.length} nodes, ${this.links.length} links`;
    this.canvas.setAttribute('aria-label', `Node-link drawing: ${this.nodes.length} nodes, ${this.links.length} links. Arrow keys move between nodes, Enter selects, + and - zoom.`);
  }

  /** Nothing to do on the page's side: the worker paints (kept so views can ask after showing the canvas). */
  requestDraw() {
    this.worker.postMessage({ kind: 'size', width: this.canvas.clientWidth, height: this.canvas.clientHeight, dpr: devicePixelRatio });
  }

  /** Where node i is on the canvas, in CSS pixels (from the worker's last positions and view). */
  toCanvas(i) {
    const s = this.view.scale;
    return [this.canvas.clientWidth / 2 + (this.positions[2 * i] + this.view.x) * s, this.canvas.clientHeight / 2 + (this.positions[2 * i + 1] + this.view.y) * s];
  }

  hit(clientX, clientY) {
    const rect = this.canvas.getBoundingClientRect();
    const px = clientX - rect.left, py = clientY - rect.top;
    let best = -1, bestDistance = 10 ** 2;
    for (let i = 0; i < this.positions.length / 2; i++) {
      const [x, y] = this.toCanvas(i);
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < bestDistance) { best = i; bestDistance = d; }
    }
    return best;
  }

  mark(i) {
    this.selected = i;
    this.worker.postMessage({ kind: 'select', index: i });
  }

  select(i) {
    this.mark(i);
    this.onSelect(i >= 0 ? this.nodes[i] : null);
  }

  bindInput() {
    const canvas = this.canvas;
    let drag = null;
    canvas.addEventListener('pointerdown', e => { drag = { x: e.clientX, y: e.clientY, moved: false }; canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener('pointermove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) {
        this.worker.postMessage({ kind: 'pan', dx, dy });
        drag.x = e.clientX; drag.y = e.clientY;
      }
    });
    canvas.addEventListener('pointerup', e => {
      if (drag && !drag.moved) this.select(this.hit(e.clientX, e.clientY));
      drag = null;
    });
    canvas.addEventListener('wheel', e => {
      e.preventDefault();
      this.worker.postMessage({ kind: 'zoom', factor: e.deltaY < 0 ? 1.2 : 1 / 1.2 });
    }, { passive: false });
    // Keyboard: arrows step through the nodes, Enter or Space selects, + and - zoom.
    let cursor = -1;
    canvas.addEventListener('keydown', e => {
      if (!this.nodes.length) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') cursor = (cursor + 1) % this.nodes.length;
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') cursor = (cursor - 1 + this.nodes.length) % this.nodes.length;
      else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); if (cursor >= 0) this.select(cursor); return; }
      else if (e.key === '+' || e.key === '=') { this.worker.postMessage({ kind: 'zoom', factor: 1.2 }); return; }
      else if (e.key === '-') { this.worker.postMessage({ kind: 'zoom', factor: 1 / 1.2 }); return; }
      else return;
      e.preventDefault();
      this.mark(cursor);
      this.stats.textContent = `${this.nodes[cursor].type} ${this.nodes[cursor].id} (${cursor + 1} of ${this.nodes.length})`;
    });
  }
}
