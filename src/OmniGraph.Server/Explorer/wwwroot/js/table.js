// A sortable table of rows: each header is a button (keyboard: Tab to it, Enter or Space sorts), aria-sort says the
// order, and at most maxRows rows are put in the page (the count says how many there are).

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(typeof a === 'object' ? JSON.stringify(a) : a).localeCompare(String(typeof b === 'object' ? JSON.stringify(b) : b));
}

function cell(value) {
  const td = document.createElement('td');
  if (value === null || value === undefined) { td.textContent = 'null'; td.className = 'muted'; }
  else if (typeof value === 'number') { td.textContent = String(value); td.className = 'num'; }
  else if (typeof value === 'object') td.textContent = JSON.stringify(value);
  else td.textContent = String(value);
  return td;
}

/** Renders columns × rows (row objects keyed by column) into host; caption describes the table for screen readers. */
export function renderTable(host, columns, rows, caption, maxRows = 1000) {
  const table = document.createElement('table');
  const cap = document.createElement('caption');
  cap.className = 'muted';
  table.append(cap);
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  let order = { column: null, direction: 1 };

  const fill = () => {
    const sorted = order.column === null ? rows
      : [...rows].sort((x, y) => order.direction * compare(x[order.column], y[order.column]));
    body.replaceChildren(...sorted.slice(0, maxRows).map(row => {
      const tr = document.createElement('tr');
      tr.append(...columns.map(c => cell(row[c])));
      return tr;
    }));
    cap.textContent = caption + (rows.length > maxRows ? ` (first ${maxRows} of ${rows.length} rows shown)` : '');
  };

  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('aria-sort', 'none');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = column;
    button.addEventListener('click', () => {
      order = { column, direction: order.column === column ? -order.direction : 1 };
      for (const other of head.cells) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', order.direction === 1 ? 'ascending' : 'descending');
      fill();
    });
    th.append(button);
    head.append(th);
  }
  fill();
  host.replaceChildren(table);
  return table;
}
