// PDFs in the browser walks: the attachments of an outbox .eml, and what veraPDF and PDFBox say of a PDF (the test
// utility ru.nso.wg.document.PdfConformance, e2e/lib/java.mjs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestUtility } from './java.mjs';

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

/** veraPDF's PDF/A-2u violations ('' when it conforms) and PDFBox's text (white space as single spaces). */
export function pdfReport(bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'wg-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return JSON.parse(runTestUtility('ru.nso.wg.document.PdfConformance', [file]).trim().split('\n').pop());
}
