// Browser end-to-end tests of the chair's decisions before a meeting (issue 12): a postponement asked by the
// secretariat after the agenda was already sent, decided by the chair in Tasklist (§ 7 (3)); an item not decided for
// lack of quorum carried over to the next meeting by the chair's confirmation (§ 15). The meeting is brought to the
// sent agenda over the engine REST API as its people (the whole preparation is walked in tasklist.spec.mjs); the
// request and the decision are walked in headless Chromium. The application is started by the test on a free port
// with a fresh temporary database (or E2E_BASE_URL points to a running one). See docs/e2e.md.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { docxText } from './lib/docx.mjs';
import { EngineRest } from './lib/rest.mjs';
import { app, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';

const ruDate = (iso) => iso.split('-').reverse().join('.');
/** A date of the engine REST API («2026-12-23T07:30:00.000+0000»). */
const restDate = (s) => new Date(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));


/** The engine REST API as a demo user (HTTP Basic, password «demo»): the steps before the walk's own. */
const as = (user) => new EngineRest(app.baseUrl, user, 'demo');


const json = (value) => ({ type: 'Json', value: JSON.stringify(value) });

/** A meeting started by the secretary over REST: its key, number, reference «3/2026», instance. */
async function startMeeting(date, time, items) {
  const m = { date, time, items, ...await rest.startMeeting(SECRETARY, date, time,
    [{ fullName: 'Иванов Иван Иванович', organisation: 'АНО «Центр»', email: 'ivanov@example.org' }]) };
  m.ref = `${m.number}/${m.key.split('-')[0]}`;
  return m;
}

/** Confirmation, agenda, approval and distribution over REST, as the chair and the secretary do them. */
async function prepareAndSend(m) {
  await rest.completeAs(CHAIR, m.instanceId, 'Task_ConfirmMeeting', { presidingMode: { value: 'SELF' } });
  await rest.completeAs(SECRETARY, m.instanceId, 'Task_PrepareAgenda', {
    agendaItems: json(m.items.map((title, i) => ({ title, itemType: 'STANDARD', speaker: 'Лебедева О.Н.',
      materials: `https://example.org/wg/item-${i + 1}.pdf`, area: 'wg-area-coordination' }))),
  });
  await rest.completeAs(CHAIR, m.instanceId, 'Task_ApproveAgenda', { agendaDecision: { value: 'APPROVE' } });
  await rest.completeAs(SECRETARY, m.instanceId, 'Task_DistributeAgenda', {
    referenceMaterials: { value: 'https://example.org/wg/reference.pdf' }, materialsReady: { value: true },
  });
  return rest.waitForJob(m.instanceId, 'Event_MeetingTime', 90_000);
}

/** A working Wednesday after {@code iso} (the new date of the postponement). */
async function nextWorkingWednesday(iso) {
  const day = new Date(`${iso}T00:00:00Z`);
  for (;;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() === 3) {
      const d = day.toISOString().slice(0, 10);
      const year = await rest.get(`/api/calendar/${d.slice(0, 4)}`);
      if (!year.days.some((x) => x.date === d && !x.working)) {
        return d;
      }
    }
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const header = (text, name) => (text.match(new RegExp(`^${name}: (.*)$`, 'm')) || [])[1]?.trim();
const kindOf = (text) => header(text, 'X-WG-Message-Kind');
const meetingOf = (text) => header(text, 'X-WG-Meeting');

/** The .eml files of the outbox that match (the embedded default writes every message there). */
function outboxMessages(match) {
  const dir = join(app.dataDir, 'outbox');
  return readdirSync(dir).filter((f) => f.endsWith('.eml'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'latin1') }))
    .filter((msg) => match(msg.text));
}


useApp('chair');

walk('Перенос заседания после рассылки повестки: секретариат просит, председатель утверждает', (step) => {
  const m = {};
  let secretary;
  let chair;

  step('заседание подготовлено и повестка разослана (REST, от имени секретаря и председателя)', async () => {
    Object.assign(m, await startMeeting(await rest.meetingDay(), '14:30',
      ['О проекте регионального стандарта клиентоцентричности']));
    const job = await prepareAndSend(m);
    assert.equal(restDate(job.dueDate).toISOString(), new Date(`${m.date}T${m.time}:00+07:00`).toISOString());
    if (app.dataDir) {
      m.agendaMails = outboxMessages((text) => kindOf(text) === 'agenda#0' && meetingOf(text) === m.key).length;
      assert.ok(m.agendaMails > 0, 'the agenda went out to the members');
    }
  });

  step('секретарь запрашивает перенос через «Запустить процесс»: заседание пока не меняется', async () => {
    m.newDate = await nextWorkingWednesday(m.date);
    m.newTime = '11:00';
    secretary = await person(SECRETARY);
    const start = await secretary.openStartDialog('Перенос заседания Рабочей группы');
    const f = start.fields;
    await f.fill('Номер заседания', m.ref);
    await f.typeDate('Дата', ruDate(m.newDate));
    await f.typeDate('Время (чч:мм)', m.newTime);
    await f.fill('Причина переноса', 'Командировка председателя Рабочей группы');
    await start.start();
    // only the chair's approval changes the meeting
    const job = (await rest.jobs(m.instanceId, 'Event_MeetingTime'))[0];
    assert.equal(restDate(job.dueDate).toISOString(), new Date(`${m.date}T${m.time}:00+07:00`).toISOString());
    assert.deepEqual(await rest.jobs(m.instanceId, 'Task_ApplyPostponement'), []);
  });

  step('председатель видит запрос в «Мои задачи» и утверждает перенос', async () => {
    chair = await person(CHAIR);
    // the task card shows the meeting's number and date (the filter's columns)
    await chair.openTask('Принять решение о переносе заседания', { filter: 'Мои задачи', meeting: m });
    const f = chair.fields();
    const text = await f.text();
    assert.match(text, new RegExp(`просит перенести заседание № ${m.ref.replace('/', '\\/')}`));
    assert.match(text, new RegExp(`на ${ruDate(m.newDate)} ${m.newTime}`));
    assert.match(text, /Командировка председателя Рабочей группы/);
    await f.choose('Утвердить');
    await picture(chair, 'tasklist-chair-decides-postponement.png', chair.page.locator('.task-details h2').first());
    await chair.complete();
  });

  step('заседание перенесено: выполненные шаги остаются, таймер заседания и повестка — с новой датой', async () => {
    const deadline = Date.now() + 90_000;
    let job;
    for (;;) {
      [job] = await rest.jobs(m.instanceId, 'Event_MeetingTime');
      if (job && restDate(job.dueDate).toISOString() === new Date(`${m.newDate}T${m.newTime}:00+07:00`).toISOString()) {
        break;
      }
      assert.ok(Date.now() < deadline, `the meeting timer did not move to ${m.newDate} ${m.newTime}: ${job?.dueDate}`);
      await sleep(1000);
    }
    assert.deepEqual(await rest.failedJobs(m.instanceId), []);
    const vars = await rest.variables(m.instanceId);
    assert.equal(vars.meetingDate.value, m.newDate);
    // the agenda document is made again with the new date
    const agenda = await fetch(`${app.baseUrl}/api/meetings/${m.key}/agenda.docx`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${SECRETARY}:demo`).toString('base64') },
    });
    assert.equal(agenda.status, 200);
    // the postponement (SEQUENCE 1 of the invitation) went to everyone invited; the members get the agenda again
    if (app.dataDir) {
      const postponed = outboxMessages((text) => kindOf(text) === 'postponement#1' && meetingOf(text) === m.key);
      assert.equal(postponed.length, m.agendaMails + 1, 'every member and the invitee');
      const withAgenda = postponed.filter((msg) => msg.text.includes(DOCX));
      assert.equal(withAgenda.length, m.agendaMails, 'the agenda again to each member who had it');
    }
  });
});

walk('Вопрос без решения из-за отсутствия кворума переносится на следующее заседание', (step) => {
  const first = {};
  const next = {};
  const PRESENT = ['sokolov', 'lebedeva', 'morozov', 'kuznetsova', 'vasiliev', 'novikova', 'fedorov', 'pavlova'];
  const CARRIED = 'О реестре жизненных ситуаций в сфере цифровых услуг';

  step('заседание проведено: по вопросу 2 кворума нет, решение не принималось (REST)', async () => {
    Object.assign(first, await startMeeting(await rest.meetingDay(), '10:00',
      ['О медиаплане информационной кампании на 2027 год', CARRIED]));
    const job = await prepareAndSend(first);
    await rest.executeJob(job.id); // the meeting time arrives (docs/e2e.md)
    await rest.completeAs(SECRETARY, first.instanceId, 'Task_RecordAttendance', {
      presentInPerson: json(PRESENT), presentByVideo: json([]), inviteesPresent: json([]),
      audioRecording: { value: '\\\\fileserver\\wg\\audio\\walk.mp3' },
    });
    const vote = (votesFor, leftBefore, decisionText) => ({
      votesFor: json(votesFor), votesAgainst: json([]), votesAbstain: json([]), leftBefore: json(leftBefore),
      discussion: { value: 'Выступили члены Рабочей группы' }, decisionText: { value: decisionText },
    });
    // the quorum check runs in the job executor before the first item
    await rest.completeAs(SECRETARY, first.instanceId, 'Task_RecordVote', vote(PRESENT, [], 'Одобрить медиаплан'), 90_000);
    // before item 2 a member leaves: 7 of 15, no quorum (§ 15)
    await rest.completeAs(SECRETARY, first.instanceId, 'Task_RecordVote',
      vote([], ['pavlova'], 'Рассмотрение вопроса перенесено: нет кворума'));
  });

  step('председатель подтверждает следующее заседание и отмечает перенесённый вопрос', async () => {
    Object.assign(next, await startMeeting(await nextWorkingWednesday(first.date), '11:00', []));
    const chair = await person(CHAIR);
    // assigned to the chair: in «Мои задачи», nothing to claim (issue 16)
    await chair.openTask('Подтвердить дату, формат и приглашённых', { filter: 'Мои задачи', meeting: next });
    const f = chair.fields();
    const label = `№ ${first.ref}, вопрос 2: ${CARRIED}`;
    assert.deepEqual(await f.checklistOptions('Перенесённые вопросы'), [label]);
    await f.checklist('Перенесённые вопросы', [label]);
    await f.choose('Председательствую лично');
    await chair.complete();
  });

  step('секретарь видит вопрос в повестке заранее; утверждённая повестка помечает его', async () => {
    const secretary = await person(SECRETARY);
    await secretary.openTask('Сформировать повестку заседания', { meeting: next });
    await secretary.claim();
    const f = secretary.fields();
    const list = f.list('Вопросы повестки');
    assert.equal(await list.count(), 1);
    assert.equal(await list.row(0).input('Вопрос').inputValue(), CARRIED);
    await secretary.complete();
    await rest.completeAs(CHAIR, next.instanceId, 'Task_ApproveAgenda', { agendaDecision: { value: 'APPROVE' } });
    const res = await fetch(`${app.baseUrl}/api/meetings/${next.key}/agenda.docx`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${SECRETARY}:demo`).toString('base64') },
    });
    assert.equal(res.status, 200);
    const text = docxText(Buffer.from(await res.arrayBuffer()));
    assert.match(text, new RegExp(`перенесён с заседания № ${first.ref.replace('/', '\\/')} \\(вопрос 2\\)`));
  });
});

/** The text of a message with its base64 and quoted-printable parts decoded (the links are in the body). */
function decoded(text) {
  const parts = [text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))];
  for (const block of text.match(/(?:^[A-Za-z0-9+/=]{16,}\r?\n)+/gm) || []) {
    parts.push(Buffer.from(block.replace(/\s/g, ''), 'base64').toString('utf8'));
  }
  return parts.join('\n');
}

walk('Председатель узнаёт о задаче из письма и открывает её по ссылке', (step) => {
  const m = {};

  step('секретарь начинает заседание (REST): задача подтверждения назначена председателю, ему приходит письмо', async () => {
    Object.assign(m, await startMeeting(await rest.meetingDay(), '15:00', []));
    const [task] = await as(CHAIR).get(
      `/engine-rest/task?processInstanceId=${m.instanceId}&taskDefinitionKey=Task_ConfirmMeeting`);
    assert.equal(task.assignee, CHAIR, 'assigned to the chair, not to the group');
    m.taskId = task.id;
    m.link = `${app.baseUrl}/camunda/app/tasklist/default/#/?task=${task.id}`;
    if (app.dataDir) {
      let mails = [];
      for (let i = 0; i < 90 && mails.length === 0; i++) {
        // the outbox directory appears with the first message the job executor writes
        mails = existsSync(join(app.dataDir, 'outbox'))
          ? outboxMessages((text) => kindOf(text) === `task:${task.id}`) : [];
        if (mails.length === 0) await sleep(1000);
      }
      assert.equal(mails.length, 1, 'one message about the task');
      // to the chair (the To header may be folded after an encoded name)
      assert.match(mails[0].text.split(/\r?\n\r?\n/)[0], /^To:[^]*sokolov@example\.org/m);
      const body = decoded(mails[0].text);
      assert.ok(body.includes(m.link), 'the direct link to the task');
      assert.ok(body.includes(`заседание № ${m.number}/`), 'the meeting');
      assert.ok(body.includes('Срок:'), 'the deadline');
    }
  });

  step('председатель открывает задачу по ссылке: в «Мои задачи», брать в работу не нужно', async () => {
    const chair = await person(CHAIR);
    await chair.page.goto(m.link);
    await chair.page.locator('.task-details h2, [cam-tasklist-task] h2')
      .filter({ hasText: 'Подтвердить дату, формат и приглашённых' }).first().waitFor();
    await chair.form.waitFor();
    assert.equal(await chair.taskHeader.getByRole('button', { name: 'Взять в работу' }).count(), 0);
    await chair.chooseFilter('Мои задачи');
    await chair.taskItems('Подтвердить дату, формат и приглашённых').first().waitFor();
  });
});
