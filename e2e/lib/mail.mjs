// The outbox in the browser walks: the embedded default writes every message as an .eml file into the data folder
// of the application the walk started (app.dataDir/outbox).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The .eml files (latin1 text) in {@code dataDir}'s outbox whose unfolded headers match {@code headers}. */
export function outboxMessages(dataDir, headers) {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(dir, f), 'latin1'))
    .filter((eml) => headers(eml.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')));
}

/** The plain-text part of an .eml written by the outbox (UTF-8, base64 or quoted-printable). */
export function plainText(eml) {
  const lines = eml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^Content-Type: text\/plain/i.test(l));
  assert.ok(start >= 0, 'a text/plain part');
  let i = start;
  let encoding = '';
  for (; lines[i] !== ''; i++) {
    const m = lines[i].match(/^Content-Transfer-Encoding: (\S+)/i);
    if (m) {
      encoding = m[1].toLowerCase();
    }
  }
  const body = [];
  for (i++; i < lines.length && !lines[i].startsWith('--'); i++) {
    body.push(lines[i]);
  }
  if (encoding === 'base64') {
    return Buffer.from(body.join(''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    const raw = body.join('\n').replace(/=\n/g, '');
    return Buffer.from(raw.replace(/=([0-9A-F]{2})/gi, '%$1').split('%').map((s, k) => k === 0 ? Buffer.from(s, 'latin1')
      : Buffer.concat([Buffer.from([parseInt(s.slice(0, 2), 16)]), Buffer.from(s.slice(2), 'latin1')]))
      .reduce((a, b) => Buffer.concat([a, b]))).toString('utf8');
  }
  return body.join('\n');
}

/** The attachments of type {@code contentType} of an .eml written by the outbox: [{ name, bytes }]. */
export function attachments(eml, contentType) {
  const found = [];
  const parts = eml.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) {
      continue;
    }
    const head = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    if (!new RegExp(`^Content-Type: ${contentType}`, 'im').test(head) || !/^Content-Transfer-Encoding: base64/im.test(head)) {
      continue;
    }
    const name = (head.match(/filename\*?=([^;\r\n]+)/i) || [])[1] || '';
    const body = part.slice(split).replace(/--[^\r\n]*--\s*$/, '').replace(/\s+/g, '');
    found.push({ name, bytes: Buffer.from(body, 'base64') });
  }
  return found;
}

