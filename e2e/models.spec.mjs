// Browser walk of the analyst's Tasklist request «Перевести заседания на новую версию процесса» (issue 18, point 3;
// bpmn/wg-model-migration.bpmn, forms/migrate-instances*.form, docs/modelling.md § 6). Three meetings are brought
// over the engine REST API to different steps, and a changed meeting model is deployed the way Camunda Modeler
// deploys it (a renamed task, the confirmation step under a new ID); the analyst starts the request in Tasklist,
// sees the movable meetings in the checklist and the blocked one with its reason, and moves the movable ones; the
// engine REST API then shows them on the new version with the renamed task. Same harness as tasklist.spec.mjs
// (docs/e2e.md). Alone: `node --test --test-concurrency=1 --test-name-pattern='новую версию процесса'
// e2e/models.spec.mjs`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/app.mjs';
import { EngineRest } from './lib/rest.mjs';
import { app, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const ANALYST = 'belova';
const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const AGENDA_TASK = 'Сформировать повестку заседания';
const AGENDA_TASK_RENAMED = 'Сформировать повестку заседания (п. 13)';

/** The engine REST API as a demo user (HTTP Basic, password «demo»). */
const as = (user) => new EngineRest(app.baseUrl, user, 'demo');


/** A meeting started by the secretary over REST: its business key and process instance. */
function startMeeting(date, time) {
  return rest.startMeeting(SECRETARY, date, time);
}

/** The version of the process definition an instance runs on now. */
async function versionOf(instanceId) {
  const instance = await rest.get(`/engine-rest/process-instance/${instanceId}`);
  return (await rest.get(`/engine-rest/process-definition/${instance.definitionId}`)).version;
}

/**
 * The meeting model as an analyst changed it in Camunda Modeler, with the forms it references: the agenda task
 * renamed, and the confirmation step replaced by one with another ID (a meeting waiting there cannot move).
 */
function changedMeeting() {
  const bpmn = readFileSync(join(ROOT, 'bpmn', 'wg-meeting.bpmn'), 'utf8')
    .replace(`name="${AGENDA_TASK}"`, `name="${AGENDA_TASK_RENAMED}"`)
    .replaceAll('"Task_ConfirmMeeting"', '"Task_ConfirmMeetingDate"');
  assert.ok(bpmn.includes(AGENDA_TASK_RENAMED) && bpmn.includes('"Task_ConfirmMeetingDate"'), 'the model changed');
  const files = { 'wg-meeting.bpmn': bpmn };
  for (const [, form] of bpmn.matchAll(/camunda:formRef="([^"]+)"/g)) {
    files[`${form}.form`] = readFileSync(join(ROOT, 'forms', `${form}.form`), 'utf8');
  }
  return files;
}


useApp('models');

walk('Аналитик переводит выполняющиеся заседания на новую версию процесса', (step) => {
  const waitingForChair = {};
  const preparingAgenda = {};
  const approvingAgenda = {};
  const v = {};
  let analyst;

  step('три заседания на разных шагах; аналитик развёртывает изменённую модель (REST)', async () => {
    const day = await rest.meetingDay();
    Object.assign(waitingForChair, await startMeeting(day, '10:00'));
    Object.assign(preparingAgenda, await startMeeting(day, '14:30'));
    Object.assign(approvingAgenda, await startMeeting(day, '16:00'));
    for (const m of [preparingAgenda, approvingAgenda]) {
      await rest.completeAs(CHAIR, m.instanceId, 'Task_ConfirmMeeting', { presidingMode: { value: 'SELF' } });
    }
    await rest.completeAs(SECRETARY, approvingAgenda.instanceId, 'Task_PrepareAgenda', {
      agendaItems: { type: 'Json', value: JSON.stringify([{ title: 'О плане мероприятий на 2027 год',
        itemType: 'STANDARD', speaker: 'Лебедева О.Н.', materials: 'https://example.org/wg/plan.pdf',
        area: 'wg-area-coordination' }]) },
    });
    v.from = await versionOf(waitingForChair.instanceId);
    const deployed = await as(ANALYST).deploy('wg-meeting', changedMeeting());
    const [definition] = Object.values(deployed.deployedProcessDefinitions);
    v.to = definition.version;
    assert.equal(v.to, v.from + 1);
  });

  step('аналитик запускает «Перевести заседания на новую версию процесса» в Tasklist', async () => {
    analyst = await person(ANALYST);
    const start = await analyst.openStartDialog('Перевести заседания на новую версию процесса');
    const f = start.fields;
    assert.equal(await f.input('Процесс (ключ)').inputValue(), 'wg-meeting');
    await f.fill('Исходная версия', v.from);
    await f.fill('Новая версия', v.to);
    await start.start();
  });

  step('задача «Выбрать заседания для перевода»: два можно перевести, одно нельзя — с причиной', async () => {
    await analyst.openTask('Выбрать заседания для перевода', { filter: 'Мои задачи' });
    const f = analyst.fields();
    assert.match(await f.text(), new RegExp(`версия ${v.from} → ${v.to}: можно перевести 2, нельзя — 1`));
    const options = await f.checklistOptions('Перевести на новую версию');
    assert.equal(options.length, 2, `the movable meetings: ${options}`);
    // each option can be read to its end (where the meeting waits), not cut off at the pane's edge
    const cut = await f.field('Перевести на новую версию').getByRole('checkbox')
      .evaluateAll((els) => els.map((el) => el.labels[0]).filter((l) => l.scrollWidth > l.clientWidth + 1)
        .map((l) => l.innerText.trim()));
    assert.deepEqual(cut, [], 'checklist options cut off');
    v.options = [preparingAgenda, approvingAgenda].map((m) => {
      const option = options.find((o) => o.includes(m.instanceId));
      assert.ok(option, `meeting ${m.key} is offered: ${options}`);
      assert.ok(option.includes(m.key.split('-').reverse().join('/')), `the meeting's number in «${option}»`);
      return option;
    });
    assert.ok(v.options[0].includes(AGENDA_TASK), `where the meeting waits: ${v.options[0]}`);
    const blocked = await f.table('Нельзя перевести');
    assert.equal(blocked.length, 1, JSON.stringify(blocked));
    assert.ok(blocked[0][0].includes(waitingForChair.instanceId), JSON.stringify(blocked));
    assert.equal(blocked[0][1], `ждёт в шаге «Подтвердить дату, формат и приглашённых» (Task_ConfirmMeeting), `
      + `которого нет в версии ${v.to}`);
    await f.checklist('Перевести на новую версию', v.options);
    await picture(analyst, 'tasklist-migrate-meetings.png', analyst.page.locator('.task-details h2').first());
    await analyst.complete();
  });

  step('заседания выполняются на новой версии, открытая задача называется по-новому (REST)', async () => {
    for (const m of [preparingAgenda, approvingAgenda]) {
      assert.equal(await versionOf(m.instanceId), v.to, `meeting ${m.key}`);
      assert.deepEqual(await rest.failedJobs(m.instanceId), []);
    }
    assert.equal(await versionOf(waitingForChair.instanceId), v.from, 'the blocked meeting stays');
    const [task] = await rest.get(`/engine-rest/task?processInstanceId=${preparingAgenda.instanceId}`);
    assert.equal(task.taskDefinitionKey, 'Task_PrepareAgenda');
    assert.equal(task.name, AGENDA_TASK_RENAMED);
    const moves = await as(ANALYST).get(`/api/models/moves/${preparingAgenda.key}`);
    assert.equal(JSON.stringify(moves).includes(ANALYST), true, JSON.stringify(moves));
    await analyst.close();
  });
});
