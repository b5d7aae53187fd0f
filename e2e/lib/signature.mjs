// The presiding person's electronic signature in the browser walks (README "Signing the minutes", docs/e2e.md):
// the document to sign is downloaded with the person's session, signed by a test CA made with BouncyCastle by the
// test utility ru.nso.wg.signature.TestCa (target/test-classes; its root goes into the app's trust store directory),
// and the .sig is uploaded through the page the signing task links to.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestUtility } from './java.mjs';
import { picture } from './walks.mjs';

/** A Base64 detached CAdES signature of {@code document} by {@code fullName}, its test CA trusted by the app. */
export function signWithTestCa(trustStore, document, fullName, snils) {
  const dir = mkdtempSync(join(tmpdir(), 'wg-sig-'));
  const documentFile = join(dir, 'document');
  const sigFile = join(dir, 'document.sig');
  writeFileSync(documentFile, document);
  runTestUtility('ru.nso.wg.signature.TestCa', [trustStore, documentFile, sigFile, fullName, ...(snils ? [snils] : [])]);
  return readFileSync(sigFile);
}

/**
 * In the open task «Подписать протокол заседания»: downloads the document to sign by its link, signs it as
 * {@code fullName}, uploads the .sig on the page behind «Загрузите файл подписи», waits for «Подпись проверена и
 * принята» and goes back to the task. Returns the answer shown.
 */
export async function uploadSignature(person, app, fullName) {
  const f = person.fields();
  const href = await f.scope.getByRole('link', { name: 'Скачайте документ для подписи' }).getAttribute('href');
  const document = await person.page.request.get(new URL(href, app.baseUrl).toString());
  if (document.status() !== 200) {
    throw new Error(`GET ${href}: ${document.status()}`);
  }
  const trustStore = app.trustStore || process.env.E2E_TRUST_STORE;
  if (!trustStore) {
    throw new Error('E2E_TRUST_STORE: the trust store directory of the application under E2E_BASE_URL');
  }
  const signature = signWithTestCa(trustStore, await document.body(), fullName);
  await f.scope.getByRole('link', { name: 'Загрузите файл подписи' }).click();
  const page = person.page;
  await page.getByRole('heading', { name: /: электронная подпись$/ }).waitFor();
  await page.getByLabel('Файл подписи').setInputFiles({ name: 'protocol.sig', mimeType: 'application/pkcs7-signature',
    buffer: signature });
  await page.getByRole('button', { name: 'Загрузить' }).click();
  const status = page.getByRole('status');
  await status.filter({ hasText: /Подпись (проверена и принята|не принята)/ }).waitFor();
  const shown = await status.innerText();
  if (!shown.startsWith('Подпись проверена и принята')) {
    throw new Error(`the signature was refused: ${shown}`);
  }
  await picture(person, 'signature-verified.png');
  await page.getByRole('link', { name: '← Вернуться к задаче' }).click();
  await person.form.waitFor();
  return shown;
}
