// The presiding person's electronic signature in the browser walks (README "Signing the minutes", docs/e2e.md):
// the document to sign is downloaded with the person's session, signed by a test CA made with BouncyCastle by the
// test utility ru.nso.wg.signature.TestCa (target/test-classes; its root goes into the app's trust store directory),
// and the .sig is uploaded through the page the signing task links to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BC_VERSION = '1.82';

/** The classpath of the test utility: the test classes, the main classes and the three pinned BouncyCastle jars. */
function classpath() {
  const repo = process.env.M2_REPO || join(homedir(), '.m2', 'repository');
  const jars = ['bcprov', 'bcpkix', 'bcutil'].map((name) =>
    join(repo, 'org', 'bouncycastle', `${name}-jdk18on`, BC_VERSION, `${name}-jdk18on-${BC_VERSION}.jar`));
  for (const jar of jars) {
    if (!existsSync(jar)) {
      throw new Error(`${jar} is missing: run ./mvnw -B -DskipTests package first`);
    }
  }
  return [resolve('target/test-classes'), resolve('target/classes'), ...jars].join(':');
}

/** A Base64 detached CAdES signature of {@code document} by {@code fullName}, its test CA trusted by the app. */
export function signWithTestCa(trustStore, document, fullName, snils) {
  const dir = mkdtempSync(join(tmpdir(), 'wg-sig-'));
  const documentFile = join(dir, 'document');
  const sigFile = join(dir, 'document.sig');
  writeFileSync(documentFile, document);
  execFileSync('java', ['-cp', classpath(), 'ru.nso.wg.signature.TestCa', trustStore, documentFile, sigFile, fullName,
    ...(snils ? [snils] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
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
  await page.getByRole('link', { name: '← Вернуться к задаче' }).click();
  await person.form.waitFor();
  return shown;
}
