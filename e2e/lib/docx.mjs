// The text of a DOCX (a ZIP with word/document.xml), enough to check what a downloaded document says.
import { inflateRawSync } from 'node:zlib';

/** Reads one entry of a ZIP archive by its name (stored or deflated). */
export function zipEntry(buffer, name) {
  // end of central directory: signature 0x06054b50, searched from the end
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) {
    eocd--;
  }
  if (eocd < 0) {
    throw new Error('not a ZIP file');
  }
  const entries = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buffer.readUInt16LE(p + 10);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localHeader = buffer.readUInt32LE(p + 42);
    const entryName = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    if (entryName === name) {
      const localNameLength = buffer.readUInt16LE(localHeader + 26);
      const localExtraLength = buffer.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const data = buffer.subarray(start, start + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${name} in the archive`);
}

/** Paragraphs of the document body as plain text, one per line. */
export function docxText(buffer) {
  const xml = zipEntry(buffer, 'word/document.xml').toString('utf8');
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
