// What veraPDF and PDFBox say of a PDF in the browser walks (the test utility ru.nso.wg.document.PdfConformance, e2e/lib/java.mjs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestUtility } from './java.mjs';

/** veraPDF's PDF/A-2u violations ('' when it conforms) and PDFBox's text (white space as single spaces). */
export function pdfReport(bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'wg-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return JSON.parse(runTestUtility('ru.nso.wg.document.PdfConformance', [file]).trim().split('\n').pop());
}
