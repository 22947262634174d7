// The .gq editor: a textarea (the real input: keyboard, selection, undo, screen readers) over a highlighted copy of
// its text, which also underlines where lint diagnostics point.

const KEYWORDS = new Set(['query', 'match', 'return', 'order', 'limit', 'not', 'as', 'asc', 'desc', 'insert', 'update',
  'delete', 'set', 'where', 'true', 'false', 'null', 'and', 'or', 'contains', 'starts_with', 'edge', 'node']);
const TOKEN = /(\/\/[^\n]*)|("(?:[^"\\\n]|\\.)*"?)|(\$[A-Za-z_][A-Za-z0-9_]*)|(@[A-Za-z_][A-Za-z0-9_]*)|(\b\d+(?:\.\d+)?\b)|(\b[A-Za-z_][A-Za-z0-9_]*\b)/g;

function escape(text) {
  return text.replace(/[&<>]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
}

function highlightLine(line) {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    out += escape(line.slice(last, m.index));
    const [text, comment, string, variable, annotation, number, word] = m;
    const cls = comment ? 'com' : string ? 'str' : variable ? 'var' : annotation ? 'ann' : number ? 'num'
      : KEYWORDS.has(word) ? 'kw' : /^[A-Z]/.test(word) ? 'type' : null;
    out += cls ? `<span class="tok-${cls}">${escape(text)}</span>` : escape(text);
    last = m.index + text.length;
  }
  return out + escape(line.slice(last));
}

/** Highlighted HTML of source; diagnostics [{line, column}] (1-based) mark their line and the word at the column. */
export function highlight(source, diagnostics = []) {
  const marks = new Map();
  for (const d of diagnostics) if (d.line) marks.set(d.line, d.column ?? 1);
  return source.split('\n').map((line, i) => {
    const column = marks.get(i + 1);
    if (column === undefined) return highlightLine(line);
    // The word at the column gets a wavy underline; the whole line a tint.
    const start = Math.max(0, Math.min(column - 1, line.length));
    const end = start + Math.max(1, (/^[$@\w.]+/.exec(line.slice(start)) ?? [''])[0].length);
    return `<span class="lint-line">${highlightLine(line.slice(0, start))}<span class="lint-at">${escape(line.slice(start, end) || ' ')}</span>${highlightLine(line.slice(end))}</span>`;
  }).join('\n') + '\n';
}

export class Editor {
  constructor(textarea, code, onChange) {
    this.textarea = textarea;
    this.code = code;
    this.diagnostics = [];
    const pre = code.parentElement;
    textarea.addEventListener('input', () => { this.render(); onChange(textarea.value); });
    textarea.addEventListener('scroll', () => { pre.scrollTop = textarea.scrollTop; pre.scrollLeft = textarea.scrollLeft; });
    // Tab indents; Escape then Tab leaves the editor (so the keyboard is never trapped).
    let escaped = false;
    textarea.addEventListener('keydown', event => {
      if (event.key === 'Escape') { escaped = true; return; }
      if (event.key === 'Tab' && !escaped && !event.shiftKey) {
        event.preventDefault();
        document.execCommand('insertText', false, '  ');
      }
      escaped = false;
    });
  }

  get value() { return this.textarea.value; }

  set value(text) { this.textarea.value = text; this.render(); }

  mark(diagnostics) { this.diagnostics = diagnostics; this.render(); }

  render() { this.code.innerHTML = highlight(this.textarea.value, this.diagnostics); }
}
