// The cells of an XLSX workbook (a ZIP of SpreadsheetML), enough to check what a downloaded report says: sheet
// names, cell values (shared strings resolved, numbers as numbers) and whether the header row is frozen.
import { zipEntry } from './docx.mjs';

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Sheet names in workbook order. */
export function sheetNames(buffer) {
  const xml = zipEntry(buffer, 'xl/workbook.xml').toString('utf8');
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescape(m[1]));
}

function sharedStrings(buffer) {
  let xml;
  try {
    xml = zipEntry(buffer, 'xl/sharedStrings.xml').toString('utf8');
  } catch {
    return [];
  }
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
}

const columnIndex = (ref) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * One sheet (1-based position) as { rows: [[value, ...], ...], styles: [[styleIndex, ...]], frozenRows }:
 * strings for text cells, numbers for numeric ones (dates are numbers: days since 1899-12-30).
 */
export function sheet(buffer, position) {
  const strings = sharedStrings(buffer);
  const xml = zipEntry(buffer, `xl/worksheets/sheet${position}.xml`).toString('utf8');
  const rows = [];
  const styles = [];
  for (const row of xml.matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const r = Number(row[1]) - 1;
    rows[r] = [];
    styles[r] = [];
    for (const cell of row[2].matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = columnIndex(cell[1]);
      const attrs = cell[2];
      const inner = cell[3] || '';
      const type = (attrs.match(/ t="(\w+)"/) || [])[1];
      const style = (attrs.match(/ s="(\d+)"/) || [])[1];
      const v = (inner.match(/<v>([\s\S]*?)<\/v>/) || [])[1];
      let value = null;
      if (type === 's') value = strings[Number(v)];
      else if (type === 'inlineStr') value = unescape((inner.match(/<t[^>]*>([\s\S]*?)<\/t>/) || [])[1] || '');
      else if (type === 'str') value = unescape(v || '');
      else if (v !== undefined) value = Number(v);
      rows[r][col] = value;
      styles[r][col] = style === undefined ? 0 : Number(style);
    }
  }
  const pane = xml.match(/<pane [^>]*\/>/);
  const frozenRows = pane && /state="frozen"/.test(pane[0]) ? Number((pane[0].match(/ySplit="([\d.]+)"/) || [])[1] || 0) : 0;
  return { rows, styles, frozenRows };
}

/** The number formats of the cell styles (index → format code), to tell a date cell from a plain number. */
export function cellFormats(buffer) {
  const xml = zipEntry(buffer, 'xl/styles.xml').toString('utf8');
  const codes = { 14: 'm/d/yy', 22: 'm/d/yy h:mm' };
  for (const m of xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"/g)) {
    codes[Number(m[1])] = unescape(m[2]);
  }
  const xfs = (xml.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/) || [])[1] || '';
  return [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => codes[Number(m[1])] || 'General');
}

/** The Excel serial number of an ISO date (what a date cell holds). */
export function excelDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
