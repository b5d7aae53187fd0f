// Browser end-to-end test of the speakers' materials (issue 16, point 2): the secretariat names an outside speaker
// by e-mail for an agenda item; the speaker follows the upload link found in the mail in the outbox (.eml), uploads a
// PDF on the page that needs no login, and a file whose content is not what its name says is refused. The meeting is
// brought to its agenda over the engine REST API as its people. See docs/e2e.md.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { outboxMessages, plainText } from './lib/mail.mjs';
import { app, browser, picture, rest, useApp, walk } from './lib/walks.mjs';

const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const SPEAKER = 'i.ivanov@example.org';
const json = (value) => ({ type: 'Json', value: JSON.stringify(value) });

useApp('materials');

walk('Внешний докладчик представляет материалы к вопросу по ссылке из письма', (step) => {
  const m = {};
  let link;
  const files = mkdtempSync(join(tmpdir(), 'wg-materials-'));

  step('секретарь называет внешнего докладчика в повестке; ему уходит письмо со ссылкой (REST)', async () => {
    assert.ok(app.dataDir, 'the walk reads the outbox of the application it started');
    Object.assign(m, await rest.startMeeting(SECRETARY, await rest.meetingDay(), '14:30'));
    await rest.completeAs(CHAIR, m.instanceId, 'Task_ConfirmMeeting', { presidingMode: { value: 'SELF' } });
    await rest.completeAs(SECRETARY, m.instanceId, 'Task_PrepareAgenda', {
      agendaItems: json([{ title: 'О практике проектного офиса клиентоцентричности', itemType: 'STANDARD',
        speaker: 'Иванов И.И.', speakerContact: SPEAKER, area: 'wg-area-coordination' }]),
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const mails = outboxMessages(app.dataDir, (h) => h.includes(`X-WG-Meeting: ${m.key}`) && h.includes(SPEAKER));
      const found = mails.map((eml) => plainText(eml).match(/https?:\/\/\S+\/materials\/\S+/)).find(Boolean);
      if (found) {
        const url = new URL(found[0]);
        link = `${app.baseUrl}${url.pathname}`;
        break;
      }
      assert.ok(Date.now() < deadline, `no upload link for ${SPEAKER} in the outbox`);
      await sleep(1000);
    }
  });

  step('докладчик открывает ссылку без входа в систему и загружает PDF', async () => {
    const page = await browser.newPage();
    try {
      const opened = await page.goto(link);
      assert.equal(opened.status(), 200);
      await page.getByRole('heading', { name: 'Материалы к вопросу № 1' }).waitFor();
      assert.match(await page.locator('body').innerText(), /О практике проектного офиса клиентоцентричности/);
      const pdf = join(files, 'Практика проектного офиса.pdf');
      writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
      await page.getByLabel('Файл').setInputFiles(pdf);
      const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Загрузить' }).click()]);
      assert.ok(answer.status() === 200 || answer.status() === 201, `accepted, was ${answer.status()}`);
      await page.waitForLoadState();
      const text = await page.locator('body').innerText();
      assert.match(text, /Файл «Практика проектного офиса\.pdf» принят \(SHA-256 [0-9a-f]{64}\)/);
      assert.match(text, /Загружено[\s\S]*Практика проектного офиса\.pdf/);
      await picture({ page }, 'materials-upload.png');
    } finally {
      await page.close();
    }
  });

  step('файл, содержимое которого не совпадает с расширением, не принимается, ничего не сохранено', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(link);
      const fake = join(files, 'Доклад.pdf');
      writeFileSync(fake, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
      await page.getByLabel('Файл').setInputFiles(fake);
      const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Загрузить' }).click()]);
      assert.ok(answer.status() >= 400 && answer.status() < 500, `refused with a 4xx, was ${answer.status()}`);
      await page.waitForLoadState();
      assert.match(await page.locator('body').innerText(), /[а-яё]{4,}/i, 'a page in Russian says why');
      await page.goto(link);
      const listed = await page.locator('body').innerText();
      assert.doesNotMatch(listed, /Доклад\.pdf/, 'nothing stored');
      assert.match(listed, /Практика проектного офиса\.pdf/);
    } finally {
      await page.close();
    }
  });
});
