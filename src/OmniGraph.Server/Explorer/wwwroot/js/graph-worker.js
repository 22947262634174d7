// The drawing's worker: it lays the graph out (a force simulation) and paints it on the page's canvas, handed over
// as an OffscreenCanvas, so neither the layout nor the painting of thousands of nodes runs on the page's thread.
// Layout: springs along links, repulsion between nodes found through a uniform grid (a tick is about linear in the
// node count), a pull to the centre, and cooling. The page sends the graph, pans, zooms and selections; the worker
// sends back the positions and the view now and then, for hit testing.

const LINK_LENGTH = 30, REPULSION = 900, CELL = 60, CENTER = 0.01, SETTLED = 0.005, POST_EVERY_MS = 200;
let canvas = null, g = null, dpr = 1;
let count = 0, x = new Float64Array(0), y = new Float64Array(0), vx = new Float64Array(0), vy = new Float64Array(0);
let links = new Int32Array(0), types = new Uint16Array(0), colors = [], labels = [];
let alpha = 0, selected = -1, scheduled = false, lastPost = 0;
let view = { x: 0, y: 0, scale: 1, fitted: true };
const frame = self.requestAnimationFrame ? cb => self.requestAnimationFrame(cb) : cb => setTimeout(cb, 16);

function tick() {
  const grid = new Map();
  for (let i = 0; i < count; i++) {
    const key = Math.floor(x[i] / CELL) * 73856093 ^ Math.floor(y[i] / CELL) * 19349663;
    let bucket = grid.get(key);
    if (!bucket) grid.set(key, bucket = []);
    bucket.push(i);
  }
  for (let i = 0; i < count; i++) {
    const cx = Math.floor(x[i] / CELL), cy = Math.floor(y[i] / CELL);
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      const bucket = grid.get((cx + dx) * 73856093 ^ (cy + dy) * 19349663);
      if (!bucket) continue;
      for (const j of bucket) {
        if (j <= i) continue;
        let ddx = x[i] - x[j], ddy = y[i] - y[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 > CELL * CELL) continue;
        if (d2 < 0.01) { ddx = Math.random() - 0.5; ddy = Math.random() - 0.5; d2 = 0.5; }
        const f = REPULSION * alpha / d2;
        vx[i] += ddx * f; vy[i] += ddy * f; vx[j] -= ddx * f; vy[j] -= ddy * f;
      }
    }
  }
  for (let k = 0; k < links.length; k += 2) {
    const a = links[k], b = links[k + 1];
    const ddx = x[b] - x[a], ddy = y[b] - y[a];
    const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
    const f = (d - LINK_LENGTH) / d * 0.1 * alpha;
    vx[a] += ddx * f; vy[a] += ddy * f; vx[b] -= ddx * f; vy[b] -= ddy * f;
  }
  for (let i = 0; i < count; i++) {
    vx[i] -= x[i] * CENTER * alpha; vy[i] -= y[i] * CENTER * alpha;
    vx[i] *= 0.6; vy[i] *= 0.6;
    x[i] += vx[i]; y[i] += vy[i];
  }
  alpha *= 0.985;
}

/** Until the user pans or zooms, the view follows the layout so that every node is in the picture. */
function fit() {
  if (!view.fitted || count === 0 || !canvas) return;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    if (x[i] < minX) minX = x[i]; if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i]; if (y[i] > maxY) maxY = y[i];
  }
  const width = canvas.width / dpr, height = canvas.height / dpr;
  view.scale = Math.min(4, Math.min(width / (maxX - minX + 60), height / (maxY - minY + 60)));
  view.x = -(minX + maxX) / 2;
  view.y = -(minY + maxY) / 2;
}

function draw() {
  if (!g) return;
  const width = canvas.width, height = canvas.height, s = view.scale * dpr;
  const ox = width / 2 + view.x * s, oy = height / 2 + view.y * s;
  g.clearRect(0, 0, width, height);
  if (count === 0) return;
  g.strokeStyle = 'rgba(90, 100, 120, 0.45)';
  g.lineWidth = dpr;
  g.beginPath();
  for (let k = 0; k < links.length; k += 2) {
    const a = links[k], b = links[k + 1];
    g.moveTo(ox + x[a] * s, oy + y[a] * s);
    g.lineTo(ox + x[b] * s, oy + y[b] * s);
  }
  g.stroke();
  const r = Math.max(1.5, Math.min(6, 5 * Math.sqrt(view.scale))) * dpr;
  // One path per colour; squares when there are many nodes (much cheaper to fill than circles, same at that size).
  const round = count <= 2000;
  colors.forEach((color, type) => {
    g.fillStyle = color;
    g.beginPath();
    for (let i = 0; i < count; i++) {
      if (types[i] !== type) continue;
      const px = ox + x[i] * s, py = oy + y[i] * s;
      if (round) { g.moveTo(px + r, py); g.arc(px, py, r, 0, Math.PI * 2); } else g.rect(px - r, py - r, 2 * r, 2 * r);
    }
    g.fill();
  });
  if (count <= 200 || view.scale >= 1.5) {
    g.fillStyle = '#1d2330';
    g.font = `${11 * dpr}px system-ui, sans-serif`;
    for (let i = 0; i < count; i++) g.fillText(labels[i] ?? '', ox + x[i] * s + r + 2, oy + y[i] * s + 3);
  }
  if (selected >= 0 && selected < count) {
    g.strokeStyle = '#1d2330'; g.lineWidth = 2 * dpr;
    g.beginPath(); g.arc(ox + x[selected] * s, oy + y[selected] * s, r + 3 * dpr, 0, Math.PI * 2); g.stroke();
  }
}

function post(force) {
  const now = performance.now();
  if (!force && now - lastPost < POST_EVERY_MS) return;
  lastPost = now;
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) { positions[2 * i] = x[i]; positions[2 * i + 1] = y[i]; }
  self.postMessage({ positions, view: { ...view }, settled: alpha <= SETTLED, drawn: count }, [positions.buffer]);
}

function turn() {
  scheduled = false;
  const started = performance.now();
  // About 10 ms of layout per frame, then paint.
  while (alpha > SETTLED && performance.now() - started < 10) tick();
  fit();
  draw();
  const moving = alpha > SETTLED;
  post(!moving);
  if (moving) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  frame(turn);
}

function setGraph(data) {
  const previous = data.keep ? { x, y, n: count } : null;
  count = data.count;
  links = data.links; types = data.types; colors = data.colors; labels = data.labels;
  x = new Float64Array(count); y = new Float64Array(count); vx = new Float64Array(count); vy = new Float64Array(count);
  const spread = Math.sqrt(count) * 12;
  for (let i = 0; i < count; i++) {
    if (previous && i < previous.n) { x[i] = previous.x[i]; y[i] = previous.y[i]; continue; }
    // New nodes start next to their anchor (the node they were expanded from), or on a spiral.
    const anchor = data.anchors?.[i];
    if (anchor !== undefined && anchor >= 0 && anchor < i) { x[i] = x[anchor] + (Math.random() - 0.5) * 20; y[i] = y[anchor] + (Math.random() - 0.5) * 20; continue; }
    const angle = i * 2.399963, radius = spread * Math.sqrt(i / Math.max(1, count));
    x[i] = Math.cos(angle) * radius; y[i] = Math.sin(angle) * radius;
  }
  if (!data.keep) { selected = -1; view.fitted = true; }
  alpha = data.keep ? 0.5 : 1;
  schedule();
}

self.onmessage = ({ data }) => {
  switch (data.kind) {
    case 'canvas': canvas = data.canvas; g = canvas.getContext('2d'); break;
    case 'size': canvas.width = Math.max(1, data.width * data.dpr); canvas.height = Math.max(1, data.height * data.dpr); dpr = data.dpr; break;
    case 'graph': setGraph(data); return;
    case 'pan': view.x += data.dx / view.scale; view.y += data.dy / view.scale; view.fitted = false; break;
    case 'zoom': view.scale = Math.min(8, Math.max(0.02, view.scale * data.factor)); view.fitted = false; break;
    case 'select': selected = data.index; break;
  }
  schedule();
  post(true);
};
