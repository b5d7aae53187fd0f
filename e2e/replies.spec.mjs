// Browser end-to-end test of the attendance replies (issue 16, point 3): a member follows the link «Буду по ВКС»
// found in his agenda mail in the outbox (.eml), confirms on the page that needs no login, a second click is refused
// and changes nothing, and the secretariat's attendance form starts from the reply. The meeting is brought to the
// sent agenda over the engine REST API as its people. See docs/e2e.md.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from './lib/mail.mjs';
import { app, browser, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const json = (value) => ({ type: 'Json', value: JSON.stringify(value) });

/** The link labelled {@code label} in the agenda mail of meeting {@code key} to {@code address}, on this app. */
function replyLink(key, address, label) {
  const dir = join(app.dataDir, 'outbox');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const eml = readFileSync(join(dir, name), 'latin1');
    // the headers unfolded (a long encoded name puts the address on a continuation line)
    const headers = eml.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
    if (!headers.includes(`X-WG-Meeting: ${key}`) || !new RegExp(`^To:.*${address}`, 'mi').test(headers)) {
      continue;
    }
    const m = plainText(eml).replace(/\r/g, '').match(new RegExp(`^${label}: (\\S+)`, 'm'));
    if (m) {
      const url = new URL(m[1]);
      return `${app.baseUrl}${url.pathname}${url.search}`;
    }
  }
  throw new Error(`no link «${label}» of meeting ${key} for ${address} in the outbox`);
}

useApp('replies');

walk('Член Рабочей группы отвечает о присутствии по ссылке из письма с повесткой', (step) => {
  const m = {};
  let link;

  step('заседание подготовлено и повестка разослана (REST, от имени секретаря и председателя)', async () => {
    assert.ok(app.dataDir, 'the walk reads the outbox of the application it started');
    Object.assign(m, await rest.startMeeting(SECRETARY, await rest.meetingDay(), '14:30'));
    await rest.completeAs(CHAIR, m.instanceId, 'Task_ConfirmMeeting', { presidingMode: { value: 'SELF' } });
    await rest.completeAs(SECRETARY, m.instanceId, 'Task_PrepareAgenda', {
      agendaItems: json([{ title: 'О проекте регионального стандарта клиентоцентричности', itemType: 'STANDARD',
        speaker: 'Лебедева О.Н.', materials: 'https://example.org/wg/item-1.pdf', area: 'wg-area-coordination' }]),
    });
    await rest.completeAs(CHAIR, m.instanceId, 'Task_ApproveAgenda', { agendaDecision: { value: 'APPROVE' } });
    await rest.completeAs(SECRETARY, m.instanceId, 'Task_DistributeAgenda', {
      referenceMaterials: { value: 'https://example.org/wg/reference.pdf' }, materialsReady: { value: true },
    });
    m.meetingJob = await rest.waitForJob(m.instanceId, 'Event_MeetingTime', 90_000);
    link = replyLink(m.key, 'vasiliev@example.org', 'Буду по ВКС');
  });

  step('член открывает ссылку «Буду по ВКС» без входа в систему и подтверждает ответ', async () => {
    const page = await browser.newPage();
    try {
      const opened = await page.goto(link);
      assert.equal(opened.status(), 200);
      await page.getByRole('heading', { name: 'Ответ о присутствии на заседании' }).waitFor();
      assert.match(await page.locator('main').innerText(), /Васильев Павел Андреевич/);
      assert.equal(await page.getByLabel('буду по ВКС').isChecked(), true, 'the answer of the link is chosen');
      await page.getByLabel(/позиция по вопросам/).fill('Проект стандарта поддерживаю');
      await picture({ page }, 'reply-page.png');
      const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Отправить ответ' }).click()]);
      assert.equal(answer.status(), 200);
      await page.getByRole('heading', { name: 'Ответ получен' }).waitFor();
      assert.match(await page.locator('main').innerText(), /буду по ВКС[\s\S]*Проект стандарта поддерживаю/);
    } finally {
      await page.close();
    }
  });

  step('повторный переход по ссылке: «ответ уже получен», ничего не изменено', async () => {
    const page = await browser.newPage();
    try {
      const again = await page.goto(replyLink(m.key, 'vasiliev@example.org', 'Не смогу'));
      assert.equal(again.status(), 409);
      const text = await page.locator('main').innerText();
      assert.match(text, /Ответ по этой ссылке уже получен: «буду по ВКС»/);
      assert.match(text, /Ничего не изменено/);
    } finally {
      await page.close();
    }
  });

  step('секретарь регистрирует участников: форма заполнена по ответам', async () => {
    await rest.executeJob(m.meetingJob.id); // the meeting time arrives (docs/e2e.md)
    const secretary = await person(SECRETARY);
    await secretary.openTask('Зарегистрировать участников заседания', { meeting: { number: m.number,
      date: (await rest.variables(m.instanceId)).meetingDate.value } });
    const text = await secretary.fields().text();
    assert.match(text, /будут 1 из 15 \(очно 0, по ВКС 1\), не смогут 0, не ответили 14/);
    assert.match(text, /Отмечено присутствующих: 1 из 15/);
  });
});
