// The Cluster view (read-only): the silos, where the graph's grain activations live, and the graph's request rate,
// from GET /graphs/{id}/placement (the Orleans management grain and the server's request counters), every 5 s while shown.
import { json, graphPath, ApiError } from './api.js';
import { renderTable } from './table.js';

const SVG = 'http://www.w3.org/2000/svg';

function sparkline(values) {
  const width = 240, height = 40, max = Math.max(1, ...values);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Requests per second over the last minute, peak ${max}`);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('class', 'sparkline');
  path.setAttribute('d', values.map((v, i) => `${i ? 'L' : 'M'} ${(i / (values.length - 1)) * width} ${height - 2 - (v / max) * (height - 4)}`).join(' '));
  svg.append(path);
  return svg;
}

export class ClusterView {
  constructor(context) { this.context = context; this.host = document.getElementById('cluster-output'); }

  show() {
    clearInterval(this.timer);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), 5000);
  }

  hide() { clearInterval(this.timer); }

  async refresh() {
    let placement;
    try {
      placement = await json(graphPath(this.context.graph, '/placement'));
    } catch (error) {
      this.host.textContent = error instanceof ApiError ? `error[${error.code}]: ${error.message}` : String(error);
      return;
    }
    const heading = (text) => Object.assign(document.createElement('h2'), { textContent: text });
    const silos = document.createElement('div');
    renderTable(silos, ['address', 'name', 'host_name', 'status', 'start_time', 'activations', 'received_messages', 'sent_messages'],
      placement.silos, `${placement.silos.length} silos`);
    const grains = document.createElement('div');
    renderTable(grains, ['grain_type', 'key', 'silo'], placement.activations, `${placement.activations.length} activations of graph ${placement.graph_id}`);
    const rates = document.createElement('p');
    rates.id = 'request-rates';
    rates.textContent = `${placement.requests.last_minute} requests in the last minute, ${placement.requests.total} since the server started `;
    rates.append(sparkline(placement.requests.per_second));
    this.host.replaceChildren(heading('Requests'), rates, heading('Silos'), silos, heading('Grain activations'), grains);
  }
}
