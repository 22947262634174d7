// The Schema view: node types as boxes (properties with their types, keys, uniques, indexes and other constraints),
// edge types as arrows between them labelled with their name, cardinality and properties. Drawn as SVG from the IR.
import { typeText } from './schema-model.js';

const SVG = 'http://www.w3.org/2000/svg';
const LINE = 16, PAD = 8, CHAR = 7.3, GAP_X = 240, GAP_Y = 110;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function propertyLine(p) {
  const marks = [p.key && '@key', p.unique && '@unique', p.index && '@index', p.embed && '@embed'].filter(Boolean);
  return `${p.name}: ${typeText(p.type)}${marks.length ? ' ' + marks.join(' ') : ''}`;
}

function constraintLine(c) {
  if (c.origin === 'property') return null;  // already shown on its property
  if (c.kind === 'range') return `@range(${c.property}, ${c.min ?? ''}..${c.max ?? ''})`;
  if (c.kind === 'check') return `@check(${c.property}${c.pattern ? ', ' + JSON.stringify(c.pattern) : ''})`;
  return `@${c.kind}(${(c.columns ?? [c.property]).join(', ')})`;
}

export function cardinalityText(card) {
  return `${card?.min ?? 0}..${card?.max ?? '*'}`;
}

export class SchemaView {
  constructor(context) { this.context = context; this.host = document.getElementById('schema-diagram'); }

  reset() { this.drawn = null; }

  show() {
    if (this.drawn === this.context.schema) return;
    this.drawn = this.context.schema;
    this.host.replaceChildren(this.draw(this.context.schema));
  }

  draw(schema) {
    const types = schema.node_types ?? [];
    const edges = schema.edge_types ?? [];
    const boxes = new Map();
    const columns = Math.max(1, Math.ceil(Math.sqrt(types.length)));
    let rowTop = 100, rowHeight = 0, x = 40;
    types.forEach((type, i) => {
      const lines = [...type.properties.map(propertyLine), ...type.constraints.map(constraintLine).filter(Boolean)];
      const width = Math.max(type.name.length + 4, ...lines.map(l => l.length)) * CHAR + 2 * PAD;
      const height = (lines.length + 1) * LINE + 2 * PAD + 4;
      if (i > 0 && i % columns === 0) { rowTop += rowHeight + GAP_Y; rowHeight = 0; x = 40; }
      boxes.set(type.name, { type, lines, x, y: rowTop, width, height });
      x += width + GAP_X;
      rowHeight = Math.max(rowHeight, height);
    });
    const width = Math.max(400, ...[...boxes.values()].map(b => b.x + b.width + 160));
    const height = rowTop + rowHeight + 60;
    const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'schema-title' });
    svg.append(el('title', { id: 'schema-title' }, `Schema: ${types.length} node types, ${edges.length} edge types`));
    const defs = el('defs');
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
    marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#4b5568' }));
    defs.append(marker);
    svg.append(defs);

    // Edge lines first (the boxes cover their ends), then the boxes, then the edge labels over both; parallel edges
    // between one pair are bent apart.
    const labels = [];
    const pairCount = new Map();
    for (const edge of edges) {
      const a = boxes.get(edge.from), b = boxes.get(edge.to);
      if (!a || !b) continue;
      const pair = [edge.from, edge.to].sort().join('\u0000');
      const nth = pairCount.get(pair) ?? 0;
      pairCount.set(pair, nth + 1);
      const group = el('g', { class: 'schema-edge', 'data-edge': edge.name });
      const label = `${edge.name} ${cardinalityText(edge.cardinality)}` + (edge.properties.length ? ` {${edge.properties.map(p => `${p.name}: ${typeText(p.type)}`).join(', ')}}` : '');
      let path, lx, ly;
      if (a === b) {
        const sx = a.x + a.width - 30 - nth * 24, sy = a.y;
        path = `M ${sx} ${sy} C ${sx - 10} ${sy - 60 - nth * 20}, ${sx + 70} ${sy - 60 - nth * 20}, ${a.x + a.width} ${sy + 20}`;
        lx = sx + 10; ly = sy - 48 - nth * 20;
      } else {
        const [x1, y1] = anchor(a, b.x + b.width / 2, b.y + b.height / 2);
        const [x2, y2] = anchor(b, a.x + a.width / 2, a.y + a.height / 2);
        const bend = (nth % 2 ? -1 : 1) * Math.ceil(nth / 2) * 40;
        const mx = (x1 + x2) / 2 - (y2 - y1) / Math.hypot(x2 - x1, y2 - y1) * bend;
        const my = (y1 + y2) / 2 + (x2 - x1) / Math.hypot(x2 - x1, y2 - y1) * bend;
        path = `M ${x1} ${y1} Q ${mx} ${my} ${x2} ${y2}`;
        lx = mx - label.length * CHAR / 2; ly = my - 6;
      }
      group.append(el('path', { d: path, 'marker-end': 'url(#arrow)' }));
      labels.push([group, el('text', { x: lx, y: ly }, label)]);
      svg.append(group);
    }
    for (const box of boxes.values()) {
      const group = el('g', { class: 'schema-box', 'data-type': box.type.name });
      group.append(el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 4 }));
      group.append(el('text', { x: box.x + PAD, y: box.y + PAD + 12, class: 'title' }, box.type.name));
      group.append(el('line', { x1: box.x, x2: box.x + box.width, y1: box.y + PAD + LINE + 2, y2: box.y + PAD + LINE + 2, stroke: '#4b5568' }));
      box.lines.forEach((line, i) => group.append(el('text', {
        x: box.x + PAD, y: box.y + PAD + 12 + (i + 1) * LINE + 4, class: line.startsWith('@') ? 'constraint' : '',
      }, line)));
      svg.append(group);
    }
    for (const [group, text] of labels) {
      // A copy of the label in the edge's own group keeps it findable by edge; the visible one is drawn last.
      const top = el('g', { class: 'schema-edge-label', 'aria-hidden': 'true' });
      top.append(text);
      svg.append(top);
      group.append(el('desc', {}, text.textContent));
    }
    return svg;
  }
}

/** Where the line from the box's centre towards (tx, ty) leaves the box. */
function anchor(box, tx, ty) {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const dx = tx - cx, dy = ty - cy;
  const scale = Math.min(Math.abs(box.width / 2 / (dx || 1e-9)), Math.abs(box.height / 2 / (dy || 1e-9)));
  return [cx + dx * scale, cy + dy * scale];
}
