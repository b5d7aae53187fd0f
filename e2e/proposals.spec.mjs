// Browser end-to-end test of proposals for the agenda (issue 16, point 1; README "Proposals for the agenda"): a member
// proposes an item with «Запустить процесс», the deputy chair of its area accepts it in Tasklist, the secretary takes
// it into the agenda of the next meeting from the list offered; the approved agenda DOCX has it. The meeting's own
// steps before and after (start, confirmation, approval) go over the engine REST API as its people. See docs/e2e.md.
import assert from 'node:assert/strict';
import { docxText } from './lib/docx.mjs';
import { app, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const MEMBER = 'vasiliev';
const DIGITAL_DEPUTY = 'kuznetsova';
const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const TITLE = 'О переводе услуг МФЦ в электронный вид по жизненной ситуации «Рождение ребёнка»';

useApp('proposals');

walk('Предложение в повестку: член группы предлагает, заместитель принимает, секретариат включает в повестку', (step) => {
  const m = {};

  step('член Рабочей группы вносит предложение через «Запустить процесс»', async () => {
    const member = await person(MEMBER);
    const start = await member.openStartDialog('Предложение в повестку заседания');
    const f = start.fields;
    await f.fill('Формулировка вопроса', TITLE);
    await f.select('Вид вопроса', 'Реестр жизненных ситуаций');
    await f.fill('Докладчик', 'Васильев В.В., министр цифрового развития и связи');
    await f.select('Направление заместителя председателя', 'Цифровая трансформация');
    await f.fill('Проект решения', 'Одобрить перевод услуг в электронный вид; минцифры представить план до 01.03');
    await f.fill('Информационные материалы', 'https://example.org/wg/proposal-birth.pdf');
    await start.start();
  });

  step('заместитель председателя по направлению принимает предложение', async () => {
    const deputy = await person(DIGITAL_DEPUTY);
    await deputy.openTask('Рассмотреть предложение в повестку');
    await deputy.claim();
    const f = deputy.fields();
    const text = await f.text();
    assert.match(text, /Рождение ребёнка/);
    assert.match(text, /Внёс: Васильев/);
    await picture(deputy, 'tasklist-review-proposal.png', deputy.page.locator('.task-details h2').first());
    await f.choose('Принять');
    await deputy.complete();
  });

  step('секретарь видит принятое предложение при формировании повестки и включает его', async () => {
    m.date = await rest.meetingDay();
    Object.assign(m, await rest.startMeeting(SECRETARY, m.date, '14:30'));
    await rest.completeAs(CHAIR, m.instanceId, 'Task_ConfirmMeeting', { presidingMode: { value: 'SELF' } });

    const secretary = await person(SECRETARY);
    await secretary.openTask('Сформировать повестку заседания', { meeting: m });
    await secretary.claim();
    const f = secretary.fields();
    const options = await f.checklistOptions('Предложения в повестку');
    assert.equal(options.length, 1, JSON.stringify(options));
    assert.match(options[0], /^Предложение № \d+ «О переводе услуг МФЦ/);
    assert.doesNotMatch(options[0], /поступило после срока/);
    assert.match(await f.text(), /Предложения к этому заседанию принимались до/);
    await f.checklist('Предложения в повестку', options);
    await secretary.complete();
  });

  step('председатель утверждает повестку: вопрос в утверждённой повестке (DOCX)', async () => {
    await rest.completeAs(CHAIR, m.instanceId, 'Task_ApproveAgenda', { agendaDecision: { value: 'APPROVE' } });
    const res = await fetch(`${app.baseUrl}/api/meetings/${m.key}/agenda.docx`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${SECRETARY}:demo`).toString('base64') },
    });
    assert.equal(res.status, 200);
    const text = docxText(Buffer.from(await res.arrayBuffer()));
    assert.ok(text.includes(TITLE), 'the agenda DOCX has the proposal');
    assert.match(text, /Васильев В\.В\., министр цифрового развития и связи/);
  });
});
