// Browser end-to-end tests: a whole meeting of the working group walked through Camunda Tasklist in headless
// Chromium, person by person, as staff do it (log in, pick a filter and a task, take it, fill the Camunda Form,
// complete). The application is started by the test on a free port with a fresh temporary database
// (or E2E_BASE_URL points to a running one). Run: `npm run e2e` (see docs/e2e.md).
//
// On a failed step every open browser's screenshot and HTML are saved under target/e2e/.
// With E2E_SCREENSHOTS=1 the README pictures are (re)written to docs/images/.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { docxReplace, docxText } from './lib/docx.mjs';
import { attachments, outboxMessages } from './lib/mail.mjs';
import { pdfReport } from './lib/pdf.mjs';
import { EngineRest } from './lib/rest.mjs';
import { uploadSignature } from './lib/signature.mjs';
import { app, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const INFO_POLICY = 'egorova';
const MEMBER = 'vasiliev';

/** The demo roster (DemoRoster) with the labels of the attendance checklists (which list the chair first, then by name). */
const ROSTER = [
  ['sokolov', 'Соколов Андрей Викторович — председатель'],
  ['lebedeva', 'Лебедева Ольга Николаевна — заместитель председателя'],
  ['morozov', 'Морозов Дмитрий Сергеевич — заместитель председателя'],
  ['kuznetsova', 'Кузнецова Елена Игоревна — заместитель председателя'],
  ['vasiliev', 'Васильев Павел Андреевич'],
  ['novikova', 'Новикова Татьяна Петровна'],
  ['fedorov', 'Фёдоров Игорь Михайлович'],
  ['pavlova', 'Павлова Наталья Юрьевна'],
  ['semenov', 'Семёнов Алексей Олегович'],
  ['golubeva', 'Голубева Марина Владимировна'],
  ['vinogradov', 'Виноградов Сергей Александрович'],
  ['bogdanova', 'Богданова Ирина Васильевна'],
  ['orlov', 'Орлов Константин Евгеньевич'],
  ['kiseleva', 'Киселёва Анна Дмитриевна'],
  ['makarov', 'Макаров Виктор Геннадьевич'],
];
const rosterLabel = (id) => ROSTER.find(([u]) => u === id)[1];
/** In the vote checklists a present member is shown by full name only. */
const voterLabel = (id) => rosterLabel(id).replace(/ — .*$/, '');
const ids = (from, to) => ROSTER.slice(from, to).map(([id]) => id);

const AGENDA = [
  {
    title: 'О проекте регионального стандарта клиентоцентричности',
    type: 'Региональный стандарт клиентоцентричности',
    speaker: 'Лебедева О.Н., заместитель председателя Рабочей группы',
    materials: 'https://example.org/wg/standard-draft.pdf',
    area: 'Общая координация (департамент организации управления)',
  },
  {
    title: 'О медиаплане информационной кампании на 2027 год',
    type: 'Медиаплан информационной кампании',
    speaker: 'Морозов Д.С., заместитель министра экономического развития',
    materials: 'https://example.org/wg/mediaplan-2027.pdf',
    area: 'Госуслуги и контрольно-надзорная деятельность (минэкономразвития)',
  },
  {
    title: 'О реестре жизненных ситуаций в сфере цифровых услуг',
    type: 'Реестр жизненных ситуаций',
    speaker: 'Кузнецова Е.И., заместитель министра цифрового развития и связи',
    materials: 'https://example.org/wg/life-situations.pdf',
    area: 'Цифровая трансформация (минцифры)',
  },
];

/** The votes of the walk (as in MeetingProcessTest): 10 present — 9 in the room, 1 by ВКС. */
const PRESENT_IN_PERSON = ids(0, 9);
const PRESENT_BY_VIDEO = ids(9, 10);
const VOTES = [
  // item 1: adopted by majority 8 : 1 : 1
  { for: ids(0, 8), against: ids(8, 9), abstain: ids(9, 10), decision: 'Одобрить проект регионального стандарта клиентоцентричности' },
  // item 2: rejected by majority 2 : 7 : 1
  { for: ids(0, 2), against: ids(2, 9), abstain: ids(9, 10), decision: 'Одобрить медиаплан информационной кампании на 2027 год' },
  // item 3: tie 5 : 5, the presiding person (the chair) voted for: adopted by the casting vote (§ 16)
  { for: ids(0, 5), against: ids(5, 10), abstain: [], decision: 'Утвердить реестр жизненных ситуаций в сфере цифровых услуг' },
];
/** She voted against item 3, which the casting vote adopted: she files a dissenting opinion (§ 17). */
const DISSENTER = 'novikova';
const DISSENT = 'Считаю решение преждевременным: реестр жизненных ситуаций не согласован с муниципалитетами.';
/** Another member against item 3, whose opinion comes in while the chair has the minutes open for signing. */
const SECOND_DISSENTER = ids(5, 10).find((id) => id !== DISSENTER);
const SECOND_DISSENT = 'Возражаю: перечень жизненных ситуаций не прошёл общественное обсуждение.';

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ruDate = (iso) => iso.split('-').reverse().join('.');
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/** «16 декабря 2026» for an ISO date: how Tasklist writes a due date in its tooltip. */
const ruLongDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${RU_MONTHS[m - 1]} ${y}`;
};

/** A date of the engine REST API («2026-12-23T07:30:00.000+0000»). */
const restDate = (s) => new Date(s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));


useApp('tasklist');



walk('Заседание Рабочей группы от решения о проведении до размещения информации', (step) => {
  const m = {}; // what the walk learns on the way: meeting date, number, key, process instance, deadlines
  let secretary;
  let chair;

  step('секретарь запускает заседание: дата ≥ 3 недель вперёд, очно, один приглашённый', async () => {
    m.date = await rest.meetingDay();
    m.time = '14:30';
    m.deadlines = await rest.get(`/api/calendar/deadlines?meetingDate=${m.date}`);
    secretary = await person(SECRETARY);
    assert.deepEqual(await secretary.filterNames(), ['Мои задачи', 'Задачи моей группы', 'Просроченные', 'Заседания: секретариат']);
    const start = await secretary.openStartDialog('Заседание Рабочей группы');
    const f = start.fields;
    assert.match(await f.text(), /Новое заседание Рабочей группы/);
    // the dynamic list's explanation is shown (form-js does not render a dynamic list's own description)
    assert.match(await f.text(), /Приглашённые не входят в состав Рабочей группы, не голосуют и не учитываются при определении кворума/);
    await f.typeDate('Дата', ruDate(m.date));
    await f.typeDate('Время (чч:мм)', m.time);
    await f.choose('Очное заседание');
    await f.fill('Место проведения', 'г. Новосибирск, Красный проспект, 18, зал заседаний № 1');
    await f.fill('Предварительный перечень вопросов', AGENDA.map((a) => a.title).join('\n'));
    const invitee = await f.list('Приглашённые лица').add();
    await invitee.fill('ФИО', 'Иванов Иван Иванович');
    await invitee.fill('Должность', 'Эксперт');
    await invitee.fill('Организация', 'АНО «Центр клиентоцентричности»');
    await invitee.fill('Электронная почта', 'ivanov@example.org');
    await picture(secretary, 'tasklist-start-meeting.png', start.dialog.locator('.modal-header'));
    await start.start();

    const [started] = await rest.get(`/engine-rest/history/process-instance?processDefinitionKey=wg-meeting&startedBy=${SECRETARY}&sortBy=startTime&sortOrder=desc&maxResults=1`);
    m.key = started.businessKey;
    m.instanceId = started.id;
    m.number = Number(m.key.split('-')[1]);
    m.title = `№ ${m.number}/${m.key.split('-')[0]} от ${ruDate(m.date)} ${m.time}`;
    assert.match(m.key, /^\d{4}-\d+$/);
  });

  step('председатель подтверждает дату, формат и приглашённых и председательствует лично', async () => {
    chair = await person(CHAIR);
    // assigned to the chair: in «Мои задачи», nothing to claim (issue 16)
    await chair.openTask('Подтвердить дату, формат и приглашённых', { filter: 'Мои задачи', meeting: m });
    const f = chair.fields();
    assert.match(await f.text(), new RegExp(`Заседание ${escapeRegex(m.title)}`));
    assert.equal(await f.input('Дата').inputValue(), ruDate(m.date));
    assert.equal(await f.input('Время (чч:мм)').inputValue(), m.time);
    assert.equal(await f.list('Приглашённые лица').row(0).input('ФИО').inputValue(), 'Иванов Иван Иванович');
    await f.choose('Председательствую лично');
    await chair.complete();
  });

  step('секретарь формирует повестку из трёх вопросов (срок п. 13 виден в задаче)', async () => {
    await secretary.openTask('Сформировать повестку заседания', { meeting: m });
    const due = await secretary.dueDateShown();
    assert.match(due.tooltip, new RegExp(ruLongDate(m.deadlines.agendaToChair.date)), `due date shown: ${JSON.stringify(due)}`);
    const f = secretary.fields();
    assert.match(await f.text(), new RegExp(`не позднее ${ruDate(m.deadlines.agendaToChair.date)} 18:00`));
    assert.match(await f.text(), /Добавьте хотя бы один вопрос\. Порядок вопросов в списке — порядок их рассмотрения\./);
    await secretary.claim();
    const list = f.list('Вопросы повестки');
    for (const item of AGENDA) {
      const row = await list.add();
      await row.fill('Вопрос', item.title);
      await row.select('Вид вопроса', item.type);
      await row.fill('Докладчик', item.speaker);
      await row.fill('Информационные материалы', item.materials);
      await row.select('Направление заместителя председателя', item.area);
    }
    assert.equal(await list.count(), 3);
    await picture(secretary, 'tasklist-agenda.png', secretary.page.locator('.task-details h2').first());
    await secretary.complete();
  });

  step('председатель утверждает повестку', async () => {
    await chair.openTask('Утвердить повестку заседания', { filter: 'Мои задачи', meeting: m });
    const f = chair.fields();
    const rows = await f.table('Вопросы повестки');
    assert.deepEqual(rows.map((r) => r[1]), AGENDA.map((a) => a.title));
    assert.deepEqual(rows.map((r) => r[2]), AGENDA.map((a) => a.type));
    await f.choose('Утвердить повестку');
    await chair.complete();
  });

  step('секретарь готовит материалы и рассылает повестку (срок п. 14 виден в задаче)', async () => {
    await secretary.openTask('Подготовить материалы и разослать повестку', { meeting: m });
    const due = await secretary.dueDateShown();
    assert.match(due.tooltip, new RegExp(ruLongDate(m.deadlines.agendaDistribution.date)), `due date shown: ${JSON.stringify(due)}`);
    await secretary.claim();
    const f = secretary.fields();
    assert.deepEqual((await f.table('Утверждённая повестка')).map((r) => r[1]), AGENDA.map((a) => a.title));
    await f.fill('Информационно-справочные материалы', 'https://example.org/wg/reference-materials.pdf');
    await f.check('Материалы подготовлены, повестку можно рассылать');
    await secretary.complete();
  });

  step('наступает время заседания: POST /engine-rest/job/{id}/execute для таймера Event_MeetingTime', async () => {
    // the agenda is sent by the job executor (async service task); then the timer waits for the meeting
    const job = await rest.waitForJob(m.instanceId, 'Event_MeetingTime', 90_000);
    assert.equal(restDate(job.dueDate).toISOString(), new Date(`${m.date}T${m.time}:00+07:00`).toISOString());
    await rest.executeJob(job.id);
    assert.deepEqual(await rest.jobs(m.instanceId, 'Event_MeetingTime'), []);
  });

  step('секретарь регистрирует участников: 9 очно, 1 по ВКС, приглашённый', async () => {
    await secretary.openTask('Зарегистрировать участников заседания', { meeting: m });
    await secretary.claim();
    const f = secretary.fields();
    assert.match(await f.text(), /В составе Рабочей группы 15 членов/);
    // the whole roster: the chair first, then the deputy chairs and the members, each by name
    const roster = await f.checklistOptions('Присутствуют очно');
    assert.equal(roster[0], rosterLabel(CHAIR));
    assert.deepEqual([...roster].sort(), ROSTER.map(([, l]) => l).sort());
    await f.checklist('Присутствуют очно', PRESENT_IN_PERSON.map(rosterLabel));
    await f.checklist('Присутствуют по ВКС', PRESENT_BY_VIDEO.map(rosterLabel));
    await f.checklist('Присутствуют приглашённые', ['Иванов Иван Иванович (АНО «Центр клиентоцентричности»)']);
    await f.fill('Аудиозапись заседания', `\\\\fileserver\\wg\\audio\\${m.date}.mp3`);
    await secretary.complete();
  });

  VOTES.forEach((vote, i) => {
    const no = i + 1;
    step(`секретарь вносит решение и итоги голосования по вопросу ${no} (${vote.for.length} : ${vote.against.length} : ${vote.abstain.length})`, async () => {
      // the quorum check (async) runs before the first item
      await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m, timeoutMs: 90_000 });
      const f = secretary.fields();
      await f.scope.getByText(`Вопрос ${no}: ${AGENDA[i].title}`).waitFor();
      assert.match(await f.text(), /Присутствуют 10 из 15 членов/);
      await secretary.claim();
      const present = [...PRESENT_IN_PERSON, ...PRESENT_BY_VIDEO].map(voterLabel);
      assert.deepEqual((await f.checklistOptions('За')).sort(), present.sort());
      await f.checklist('За', vote.for.map(voterLabel));
      await f.checklist('Против', vote.against.map(voterLabel));
      await f.checklist('Воздержались', vote.abstain.map(voterLabel));
      await f.fill('ВЫСТУПИЛИ', `${AGENDA[i].speaker}; члены Рабочей группы`);
      await f.fill('РЕШИЛИ', vote.decision);
      if (no === 3) {
        await picture(secretary, 'tasklist-vote.png', f.scope.getByText(`Вопрос ${no}: ${AGENDA[i].title}`));
      }
      await secretary.complete();
    });
  });

  step(`член Рабочей группы (${DISSENTER}) подаёт особое мнение по вопросу 3 через «Запустить процесс»`, async () => {
    // the minutes draft is generated by the job executor; the dissent is accepted once the meeting is held
    await secretary.openTask('Оформить протокол заседания', { meeting: m, timeoutMs: 90_000 });
    const member = await person(DISSENTER);
    const start = await member.openStartDialog('Особое мнение члена Рабочей группы');
    const f = start.fields;
    await f.fill('Номер заседания', `${m.number}/${m.key.split('-')[0]}`);
    await f.fill('Номер вопроса повестки', '3');
    await f.fill('Особое мнение', DISSENT);
    await start.start();
    await member.close();
  });

  step('секретарь оформляет протокол (срок п. 18 виден в задаче, проект протокола скачивается)', async () => {
    await secretary.openTask('Оформить протокол заседания', { meeting: m });
    const due = await secretary.dueDateShown();
    assert.match(due.tooltip, new RegExp(ruLongDate(m.deadlines.minutesDue.date)), `due date shown: ${JSON.stringify(due)}`);
    await secretary.claim();
    const f = secretary.fields();
    const link = f.scope.getByRole('link', { name: 'Скачать проект протокола (DOCX)' });
    const href = await link.getAttribute('href');
    const docx = await secretary.page.request.get(new URL(href, app.baseUrl).toString());
    assert.equal(docx.status(), 200, `GET ${href}`);
    assert.equal((await docx.body()).subarray(0, 2).toString(), 'PK');
    await f.check('Протокол оформлен и готов к подписанию');
    await secretary.complete();
  });

  step('председатель подписывает протокол: особое мнение, поступившее при открытой задаче, требует прочитать новую редакцию', async () => {
    await chair.openTask('Подписать протокол заседания', { filter: 'Мои задачи', meeting: m });
    const shown = await chair.fields().input('Подписываемая редакция протокола').inputValue();
    assert.match(shown, /^проект протокола, редакция \d+ от /, 'the form names the edition it links');
    assert.match(await chair.fields().text(), new RegExp(escapeRegex(DISSENT.slice(0, 40))), 'the opinion filed so far is listed');
    // while her task is open, a second member who voted against item 3 files an opinion
    const member = await person(SECOND_DISSENTER);
    const start = await member.openStartDialog('Особое мнение члена Рабочей группы');
    await start.fields.fill('Номер заседания', `${m.number}/${m.key.split('-')[0]}`);
    await start.fields.fill('Номер вопроса повестки', '3');
    await start.fields.fill('Особое мнение', SECOND_DISSENT);
    await start.start();
    await member.close();
    // she signs the edition she read: refused, the minutes changed under her
    await chair.fields().choose('Подписать протокол');
    await assert.rejects(chair.complete(), /протокол изменился/);
    // she opens the task again: the new edition, with both opinions; that one she signs
    await chair.page.reload();
    await chair.openTask('Подписать протокол заседания', { filter: 'Мои задачи', meeting: m });
    const now = await chair.fields().input('Подписываемая редакция протокола').inputValue();
    assert.notEqual(now, shown, 'a new edition after the second opinion');
    assert.match(await chair.fields().text(), new RegExp(escapeRegex(SECOND_DISSENT.slice(0, 40))));
    // without a signature of this edition the task is not accepted; with a verified one it is
    await chair.fields().choose('Подписать протокол');
    await assert.rejects(chair.complete(), /Протокол не подписан электронной подписью/);
    await uploadSignature(chair, app, 'Соколов Андрей Викторович');
    await chair.fields().choose('Подписать протокол');
    await chair.complete();
  });

  step('департамент информационной политики указывает адрес публикации (срок размещения виден в задаче)', async () => {
    const info = await person(INFO_POLICY);
    // her list shows no meeting number (she may not read the meeting's variables): the newest task is this meeting's
    await info.openTask('Разместить информацию о заседании на официальном сайте', { timeoutMs: 90_000 });
    assert.match(await info.fields().text(), new RegExp(`Информация о заседании ${escapeRegex(m.title)}`));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Novosibirsk' });
    // the publication's service level (not § 19, which bound the secretariat's copies and request): 2 working days
    // after the request, sent today (the walk let the meeting time arrive early)
    const copiesDue = await rest.get(`/api/calendar/working-days?from=${today}&add=2`);
    const due = await info.dueDateShown();
    assert.match(due.tooltip, new RegExp(ruLongDate(copiesDue.date)), `due date shown: ${JSON.stringify(due)}`);
    await info.claim();
    // the public version, downloaded through the form's links as she would: votes and outcomes, no dissent text
    const htmlHref = await info.fields().scope.getByRole('link', { name: 'HTML для вставки на сайт' }).getAttribute('href');
    const htmlRes = await info.page.request.get(new URL(htmlHref, app.baseUrl).toString());
    assert.equal(htmlRes.status(), 200, `GET ${htmlHref}`);
    const published = (await htmlRes.text()).replace(/&laquo;|&#171;/g, '«').replace(/&raquo;|&#187;/g, '»');
    for (const expected of [
      ...VOTES.map((v) => `Голосовали: за – ${v.for.length}, против – ${v.against.length}, воздержались – ${v.abstain.length}.`),
      'Решение принято простым большинством голосов',
      'Особое мнение приложено к протоколу.',
    ]) {
      assert.ok(published.includes(expected), `the public version must contain «${expected}»:\n${published}`);
    }
    for (const absent of [DISSENT, SECOND_DISSENT, '<script']) {
      assert.ok(!published.includes(absent), `the public version must not contain «${absent}»:\n${published}`);
    }
    const pdfHref = await info.fields().scope.getByRole('link', { name: 'PDF/A' }).getAttribute('href');
    const pdfRes = await info.page.request.get(new URL(pdfHref, app.baseUrl).toString());
    assert.equal(pdfRes.status(), 200, `GET ${pdfHref}`);
    assert.equal((await pdfRes.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await info.fields().fill('Адрес публикации', `https://www.nso.ru/news/wg-${m.key}`);
    await info.complete();
    await info.close();
  });

  step('заседание завершено: протокол разослан, информация размещена', async () => {
    const deadline = Date.now() + 90_000;
    let instance;
    for (;;) {
      instance = await rest.historicInstance(m.instanceId);
      if (instance.state !== 'ACTIVE' || Date.now() > deadline) {
        break;
      }
      await sleep(1000);
    }
    assert.equal(instance.state, 'COMPLETED', `failed jobs: ${JSON.stringify(await rest.failedJobs(m.instanceId))}`);
    const activities = await rest.historicActivities(m.instanceId);
    assert.ok(activities.some((a) => a.activityId === 'EndEvent_MinutesPublished'));
    assert.equal(activities.filter((a) => a.activityId === 'Task_ConfirmOutcome').length, 0, 'no tie left open: the casting vote decided item 3');
    // § 19: the copy in a member's mail is a certified PDF/A copy: veraPDF finds no violation, and its text has the
    // mark of the electronic signature (the presiding person's certificate) and «Верно»
    if (app.dataDir) {
      const copies = outboxMessages(app.dataDir, (h) => /X-WG-Message-Kind: minutes-copy/.test(h)
        && new RegExp(`X-WG-Meeting: ${m.key}(\\s|$)`).test(h));
      assert.ok(copies.length > 0, `copies of the minutes of ${m.key} in the outbox`);
      const pdfs = attachments(copies[0], 'application/pdf');
      assert.equal(pdfs.length, 1, 'the copy is one PDF attachment');
      assert.equal(attachments(copies[0], 'application/vnd.openxmlformats').length, 0, 'never an editable DOCX');
      const report = pdfReport(pdfs[0].bytes);
      assert.equal(report.violations, '', 'PDF/A-2u (veraPDF)');
      // (the mark's heading is set in capitals, as the PDF's text then reads it)
      for (const expected of ['Документ подписан электронной подписью', 'Владелец: Соколов Андрей Викторович', 'Верно']) {
        assert.ok(report.text.toLowerCase().includes(expected.toLowerCase()), `the copy must contain «${expected}»:\n${report.text}`);
      }
    }
    await secretary.close();
    await chair.close();
  });
});

walk('Заседание под председательством заместителя: возвраты с замечаниями, отказ, подтверждение результата, исправленный протокол', (step) => {
  const m = {};
  const DEPUTY = 'morozov';
  const DEPUTY_OPTION = 'Морозов';
  const ITEMS = [
    { title: 'О плане мероприятий («дорожной карте») на 2027 год', type: 'План мероприятий («дорожная карта»)', speaker: 'Лебедева О.Н.', materials: 'https://example.org/wg/roadmap-2027.pdf', area: 'Общая координация (департамент организации управления)' },
    { title: 'Об оценке уровня клиентоцентричности органов власти', type: 'Оценка уровня клиентоцентричности', speaker: 'Кузнецова Е.И.', materials: 'https://example.org/wg/assessment.pdf', area: 'Цифровая трансформация (минцифры)' },
  ];
  // 9 present: 8 in the room (the presiding deputy among them), 1 by ВКС
  const IN_PERSON = ['sokolov', 'lebedeva', 'morozov', 'kuznetsova', 'vasiliev', 'novikova', 'fedorov', 'pavlova'];
  const BY_VIDEO = ['semenov'];
  const ITEM2_DECISION = 'Утвердить методику оценки уровня клиентоцентричности';
  const ITEM2_EDITED = 'Утвердить методику оценки уровня клиентоцентричности с учётом замечаний членов Рабочей группы';
  let secretary;
  let deputy;

  step('секретарь запускает заседание в формате ВКС (ссылка проверяется формой)', async () => {
    m.date = await rest.meetingDay();
    m.time = '11:00';
    secretary = await person(SECRETARY);
    const start = await secretary.openStartDialog('Заседание Рабочей группы');
    const f = start.fields;
    await f.typeDate('Дата', ruDate(m.date));
    await f.typeDate('Время (чч:мм)', m.time);
    await f.choose('В формате видеоконференцсвязи (ВКС)');
    await f.fill('Ссылка на видеоконференцию', 'vks.example.org/wg');
    await start.dialog.getByText('Значение не соответствует требуемому формату').waitFor();
    assert.equal(await start.startButton.isEnabled(), false, '«Начать» waits for a valid link');
    await f.fill('Ссылка на видеоконференцию', 'https://vks.example.org/wg');
    await start.start();
    const [started] = await rest.get(`/engine-rest/history/process-instance?processDefinitionKey=wg-meeting&startedBy=${SECRETARY}&sortBy=startTime&sortOrder=desc&maxResults=1`);
    m.key = started.businessKey;
    m.instanceId = started.id;
    m.number = Number(m.key.split('-')[1]);
  });

  step(`председатель поручает председательствовать заместителю (${DEPUTY}, п. 10)`, async () => {
    const chair = await person(CHAIR);
    // assigned to the chair: in «Мои задачи», nothing to claim (issue 16)
    await chair.openTask('Подтвердить дату, формат и приглашённых', { filter: 'Мои задачи', meeting: m });
    const f = chair.fields();
    await f.choose('Поручаю председательствовать заместителю председателя (п. 10 Положения)');
    await f.select('Заместитель председателя', DEPUTY_OPTION);
    await f.fill('Поручение', 'поручение председателя от 01.12.2026 № 15');
    await chair.complete();
    await chair.close();
  });

  step('секретарь формирует повестку из одного вопроса', async () => {
    await secretary.openTask('Сформировать повестку заседания', { meeting: m });
    await secretary.claim();
    const row = await secretary.fields().list('Вопросы повестки').add();
    await row.fill('Вопрос', 'О плане мероприятий на 2027 год');
    await row.select('Вид вопроса', ITEMS[0].type);
    await row.fill('Докладчик', ITEMS[0].speaker);
    await row.fill('Информационные материалы', ITEMS[0].materials);
    await row.select('Направление заместителя председателя', ITEMS[0].area);
    await secretary.complete();
  });

  step('председательствующий заместитель возвращает повестку с замечаниями', async () => {
    deputy = await person(DEPUTY);
    await deputy.openTask('Утвердить повестку заседания', { filter: 'Мои задачи' });
    const f = deputy.fields();
    assert.match(await f.text(), new RegExp(`Повестка заседания № ${m.number}/`));
    await f.choose('Вернуть на доработку с замечаниями');
    await f.fill('Замечания', 'Добавьте вопрос об оценке уровня клиентоцентричности');
    await deputy.complete();
  });

  step('секретарь видит замечания, исправляет вопрос в списке и добавляет второй', async () => {
    await secretary.openTask('Сформировать повестку заседания', { meeting: m });
    const f = secretary.fields();
    assert.match(await f.text(), /Замечания председательствующего: Добавьте вопрос об оценке уровня клиентоцентричности/);
    await secretary.claim();
    const list = f.list('Вопросы повестки');
    assert.equal(await list.count(), 1, 'the agenda comes back as it was sent');
    await list.row(0).fill('Вопрос', ITEMS[0].title); // editing a row must not block «Завершить» (form-js 1494)
    const row = await list.add();
    await row.fill('Вопрос', ITEMS[1].title);
    await row.select('Вид вопроса', ITEMS[1].type);
    await row.fill('Докладчик', ITEMS[1].speaker);
    await row.fill('Информационные материалы', ITEMS[1].materials);
    await row.select('Направление заместителя председателя', ITEMS[1].area);
    await secretary.complete();
  });

  step('заместитель утверждает повестку, секретарь рассылает её, наступает время заседания', async () => {
    await deputy.openTask('Утвердить повестку заседания', { filter: 'Мои задачи' });
    assert.deepEqual((await deputy.fields().table('Вопросы повестки')).map((r) => r[1]), ITEMS.map((i) => i.title));
    await deputy.fields().choose('Утвердить повестку');
    await deputy.complete();
    await secretary.openTask('Подготовить материалы и разослать повестку', { meeting: m });
    await secretary.claim();
    await secretary.fields().fill('Информационно-справочные материалы', 'https://example.org/wg/reference.pdf');
    await secretary.fields().check('Материалы подготовлены, повестку можно рассылать');
    await secretary.complete();
    const job = await rest.waitForJob(m.instanceId, 'Event_MeetingTime', 90_000);
    await rest.executeJob(job.id);
  });

  step('отказ сервера показан коротким сообщением; после исправления «Завершить» срабатывает', async () => {
    await secretary.openTask('Зарегистрировать участников заседания', { meeting: m });
    await secretary.claim();
    const f = secretary.fields();
    await f.checklist('Присутствуют очно', IN_PERSON.map(rosterLabel));
    await f.checklist('Присутствуют по ВКС', [...BY_VIDEO, 'vasiliev'].map(rosterLabel)); // a slip: also in the room
    await f.fill('Аудиозапись заседания', `\\\\fileserver\\wg\\audio\\${m.date}.mp3`);
    await assert.rejects(secretary.complete(), /the server refused the form/);
    const shown = (await secretary.page.locator('.notifications .alert-danger').first().innerText()).replace(/\s+/g, ' ');
    // the title, then the message on its own line: no « :» between them (src/build/webjar-patches.txt)
    assert.match(shown, /Не удалось отправить форму задачи\s*Васильев Павел Андреевич отмечен\(а\) одновременно очно и по ВКС\s*$/);
    assert.doesNotMatch(shown, / :/);
    assert.doesNotMatch(shown, /ENGINE-|Exception|TaskListener/);
    // the message stays on screen; the person corrects the form and completes it without closing the message
    await f.checklist('Присутствуют по ВКС', BY_VIDEO.map(rosterLabel));
    await secretary.complete();
    // and the error of the refused attempt is gone with the successful one
    assert.equal(await secretary.page.locator('.notifications .alert-danger').count(), 0, 'no stale error after success');
  });

  step('голосование по вопросу 1: 4 : 4, председательствующий воздержался, решение с поручением', async () => {
    await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m, timeoutMs: 90_000 });
    const f = secretary.fields();
    await f.scope.getByText(`Вопрос 1: ${ITEMS[0].title}`).waitFor();
    await secretary.claim();
    await f.checklist('За', ['sokolov', 'lebedeva', 'kuznetsova', 'vasiliev'].map(voterLabel));
    await f.checklist('Против', ['novikova', 'fedorov', 'pavlova', 'semenov'].map(voterLabel));
    await f.checklist('Воздержались', [DEPUTY].map(voterLabel));
    await f.fill('РЕШИЛИ', 'Утвердить план мероприятий на 2027 год; поручить минцифры подготовить график');
    await f.check('Решение содержит поручение с исполнителем и сроком');
    await f.select('Исполнитель', 'Кузнецова Елена Игоревна');
    await f.typeDate('Срок исполнения', '01.03.2027');
    // the last field of the form: its list opens downwards, its last option must still be reachable
    await f.select('Контроль исполнения', 'Цифровая трансформация (минцифры)');
    // Кузнецова controls that area herself: the form warns (§ 8) and lets the secretary go on
    await f.scope.getByText('сам контролирует выбранное направление').waitFor();
    await secretary.complete();
  });

  step('председательствующий подтверждает результат: решение не принято (п. 16)', async () => {
    await deputy.openTask('Подтвердить результат голосования', { filter: 'Мои задачи', timeoutMs: 30_000 });
    const f = deputy.fields();
    assert.match(await f.text(), /Голосовали: за — 4, против — 4, воздержались — 1; присутствуют 9\./);
    await f.choose('Решение не принято');
    await deputy.complete();
  });

  step('голосование по вопросу 2: принято 7 : 1 : 1', async () => {
    await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m, timeoutMs: 30_000 });
    const f = secretary.fields();
    await f.scope.getByText(`Вопрос 2: ${ITEMS[1].title}`).waitFor();
    await secretary.claim();
    await f.checklist('За', ['sokolov', 'lebedeva', 'morozov', 'kuznetsova', 'vasiliev', 'novikova', 'fedorov'].map(voterLabel));
    await f.checklist('Против', ['pavlova'].map(voterLabel));
    await f.checklist('Воздержались', ['semenov'].map(voterLabel));
    await f.fill('РЕШИЛИ', ITEM2_DECISION);
    await secretary.complete();
  });

  step('секретарь правит проект протокола в Word и загружает его по ссылке «Загрузить исправленный протокол»', async () => {
    await secretary.openTask('Оформить протокол заседания', { meeting: m, timeoutMs: 90_000 });
    await secretary.claim();
    const f = secretary.fields();
    const href = await f.scope.getByRole('link', { name: 'Скачать проект протокола (DOCX)' }).getAttribute('href');
    const draft = await secretary.page.request.get(new URL(href, app.baseUrl).toString());
    assert.equal(draft.status(), 200);
    const edited = docxReplace(await draft.body(), ITEM2_DECISION, ITEM2_EDITED);
    // the link opens in the Tasklist tab; the page leads back to the task
    await f.scope.getByRole('link', { name: 'Загрузить исправленный протокол' }).click();
    const page = secretary.page;
    await page.getByRole('heading', { name: new RegExp(`Протокол заседания № ${m.number}/\\d{4}: исправленная редакция`) }).waitFor();
    await page.getByLabel('Файл протокола (.docx)').setInputFiles({
      name: `Протокол ${m.number}.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: edited,
    });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await page.getByRole('status').filter({ hasText: 'Протокол загружен (редакция 1)' }).waitFor();
    await page.getByRole('link', { name: '← Вернуться к задаче' }).click();
    await secretary.form.waitFor();
    await secretary.page.locator('.task-details h2', { hasText: 'Оформить протокол заседания' }).waitFor();
    await secretary.fields().check('Протокол оформлен и готов к подписанию');
    await secretary.complete();
  });

  step('заместитель возвращает протокол с замечаниями, секретарь видит их и передаёт снова, заместитель подписывает', async () => {
    await deputy.openTask('Подписать протокол заседания', { filter: 'Мои задачи' });
    await deputy.fields().choose('Вернуть на доработку с замечаниями');
    await deputy.fields().fill('Замечания', 'Проверьте список присутствовавших');
    await deputy.complete();
    await secretary.openTask('Оформить протокол заседания', { meeting: m });
    assert.match(await secretary.fields().text(), /Замечания председательствующего: Проверьте список присутствовавших/);
    await secretary.claim();
    await secretary.fields().check('Протокол оформлен и готов к подписанию');
    await secretary.complete();
    await deputy.openTask('Подписать протокол заседания', { filter: 'Мои задачи' });
    const href = await deputy.fields().scope.getByRole('link', { name: 'Открыть протокол (DOCX)' }).getAttribute('href');
    await uploadSignature(deputy, app, 'Морозов Дмитрий Сергеевич');
    await deputy.fields().choose('Подписать протокол');
    await deputy.complete();
    const signed = await deputy.page.request.get(new URL(href, app.baseUrl).toString());
    assert.equal(signed.status(), 200);
    const text = docxText(await signed.body());
    assert.ok(text.includes(ITEM2_EDITED), `the signed minutes are the uploaded edition:\n${text}`);
    assert.match(text, /Председательствующий: Морозов Дмитрий Сергеевич/);
  });

  step('после подписания: поручений к контролю нет (решение с поручением не принято), протокол рассылается', async () => {
    const task = await (async () => {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const found = await rest.get(`/engine-rest/task?processInstanceId=${m.instanceId}&taskDefinitionKey=Task_PublishMeetingInfo`);
        if (found.length || Date.now() > deadline) {
          return found[0];
        }
        await sleep(1000);
      }
    })();
    assert.ok(task, `the publication task; failed jobs: ${JSON.stringify(await rest.failedJobs(m.instanceId))}`);
    assert.deepEqual(await rest.failedJobs(m.instanceId), []);
    await secretary.close();
    await deputy.close();
  });
});

walk('Член Рабочей группы не видит задач секретариата', (step) => {
  const m = {};

  step('заседание с задачей секретариата «Сформировать повестку заседания» (через REST)', async () => {
    const day = await rest.meetingDay();
    m.date = day;
    const asUser = (u) => new EngineRest(app.baseUrl, u, 'demo');
    const def = await rest.get('/engine-rest/process-definition/key/wg-meeting');
    const started = await asUser(SECRETARY).call('POST', `/engine-rest/process-definition/${def.id}/submit-form`, {
      variables: {
        meetingStart: { value: `${day}T11:00+07:00` },
        meetingFormat: { value: 'VIDEO' },
        videoLink: { value: 'https://vks.example.org/wg' },
      },
    });
    m.instanceId = started.id;
    const [confirm] = await rest.get(`/engine-rest/task?processInstanceId=${m.instanceId}`);
    await asUser(CHAIR).call('POST', `/engine-rest/task/${confirm.id}/claim`, { userId: CHAIR });
    await asUser(CHAIR).call('POST', `/engine-rest/task/${confirm.id}/submit-form`, { variables: { presidingMode: { value: 'SELF' } } });
    const [agenda] = await rest.get(`/engine-rest/task?processInstanceId=${m.instanceId}`);
    assert.equal(agenda.name, 'Сформировать повестку заседания');
    m.taskId = agenda.id;
    m.number = (await rest.get(`/engine-rest/process-instance/${m.instanceId}/variables/meetingNumber`)).value;
  });

  step('секретарь видит её в «Заседания: секретариат» и «Задачи моей группы»', async () => {
    const secretary = await person(SECRETARY);
    await secretary.openTask('Сформировать повестку заседания', { filter: 'Заседания: секретариат', meeting: m });
    await secretary.openTask('Сформировать повестку заседания', { filter: 'Задачи моей группы', meeting: m });
    await secretary.close();
  });

  step(`член Рабочей группы (${MEMBER}): нет фильтра секретариата, нет задачи в списках, по прямой ссылке она не открывается`, async () => {
    const member = await person(MEMBER);
    assert.deepEqual(await member.filterNames(), ['Мои задачи', 'Задачи моей группы', 'Просроченные']);
    for (const filter of ['Мои задачи', 'Задачи моей группы', 'Просроченные']) {
      await member.chooseFilter(filter);
      await member.page.waitForLoadState('networkidle');
      assert.equal(await member.taskItems('Сформировать повестку заседания').count(), 0, `in «${filter}»`);
    }
    await member.page.goto(`${app.baseUrl}/camunda/app/tasklist/default/#/?task=${m.taskId}`);
    await member.page.waitForLoadState('networkidle');
    await sleep(1000);
    assert.equal(await member.page.locator('.task-details .fjs-container').count(), 0, 'the form must not open');
    assert.equal(await member.page.getByRole('button', { name: 'Взять в работу' }).count(), 0, 'the task must not be claimable');
    // and the engine refuses the member even when asked directly
    const asMember = new EngineRest(app.baseUrl, MEMBER, 'demo');
    assert.deepEqual(await asMember.get(`/engine-rest/task?processInstanceId=${m.instanceId}`), []);
    await member.close();
  });
});

walk('Заместитель председателя видит своё поручение на исполнении в «Контроль исполнения: мои решения»', (step) => {
  const DEPUTY = 'kuznetsova'; // wg-area-digital
  const OTHER_DEPUTY = 'morozov'; // wg-area-services
  const FILTER = 'Контроль исполнения: мои решения';
  const REPORT = 'Отчитаться об исполнении поручения';
  const m = {};

  step('секретарь запускает заседание: дата в прошлом отклонена над «Начать» с ближайшей датой, затем номер заседания', async () => {
    const day = await rest.meetingDay();
    const secretary = await person(SECRETARY);
    const start = await secretary.openStartDialog('Заседание Рабочей группы');
    const f = start.fields;
    await f.typeDate('Дата', '02.11.2026');
    await f.typeDate('Время (чч:мм)', '11:00');
    await f.choose('В формате видеоконференцсвязи (ВКС)');
    await f.fill('Ссылка на видеоконференцию', 'https://vks.example.org/wg');
    assert.equal(await start.startButton.isEnabled(), true, 'a past date is not thrown away by the date field');
    await assert.rejects(start.start(), /the server refused the form/);
    // the refusal is in the dialog's footer, right above «Начать», with the earliest date allowed
    const refusal = start.dialog.locator('.modal-footer .wg-start-notifications .alert-danger');
    await refusal.waitFor();
    const text = (await refusal.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /уже прошли\. Ближайшая дата, на которую можно назначить заседание, — \d\d\.\d\d\.\d{4}\./);
    assert.doesNotMatch(text, / :|Поле обязательно для заполнения/);
    const box = await refusal.boundingBox();
    const button = await start.startButton.boundingBox();
    assert.ok(box.y < button.y && button.y - (box.y + box.height) < 80, 'the refusal is just above «Начать»');
    await f.typeDate('Дата', ruDate(day));
    await start.start();
    const [started] = await rest.get(`/engine-rest/history/process-instance?processDefinitionKey=wg-meeting&startedBy=${SECRETARY}&sortBy=startTime&sortOrder=desc&maxResults=1`);
    m.key = started.businessKey;
    const [year, number] = m.key.split('-');
    await secretary.expectNotification(`Заседание № ${number}/${year} создано.`);
    // its card in the secretariat's filter shows the date as people write it (18.12.2026, not 2026-12-18)
    await secretary.openTask('Подтвердить дату, формат и приглашённых', {
      filter: 'Заседания: секретариат', meeting: { number: Number(number), date: day } });
    assert.equal(await secretary.taskList.getByText(day).count(), 0, 'no ISO date on the task cards');
    await secretary.close();
  });

  step('поручение по направлению «Цифровая трансформация» на исполнении у члена Рабочей группы (через REST)', async () => {
    // as the signed minutes put an instruction under control (StartDecisionControlDelegate)
    const control = await rest.call('POST', '/engine-rest/process-definition/key/wg-decision-control/start', {
      businessKey: `${m.key}/1`,
      variables: {
        meetingKey: { value: m.key },
        meetingTitle: { value: `№ ${m.key.split('-')[1]}/${m.key.split('-')[0]}` },
        itemNo: { value: 1, type: 'Integer' },
        itemTitle: { value: 'О реестре жизненных ситуаций в сфере цифровых услуг' },
        decisionText: { value: 'Подготовить реестр жизненных ситуаций' },
        executorId: { value: MEMBER },
        executorName: { value: null, type: 'Null' },
        dueDate: { value: '2027-03-01' },
        controlArea: { value: 'wg-area-digital' },
      },
    });
    m.controlId = control.id;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const [task] = await rest.get(`/engine-rest/task?processInstanceId=${m.controlId}&taskDefinitionKey=Task_ReportExecution`);
      if (task) {
        m.reportId = task.id;
        break;
      }
      assert.ok(Date.now() < deadline, `the report task; failed jobs: ${JSON.stringify(await rest.failedJobs(m.controlId))}`);
      await sleep(1000);
    }
  });

  step(`${DEPUTY}: фильтр считает поручение на исполнении, задача исполнителя видна, но не берётся в работу`, async () => {
    // every open task of a decision controlled by the digital area: what the filter must count
    const expected = (await rest.get('/engine-rest/task?processDefinitionKey=wg-decision-control&processVariables=controlArea_eq_wg-area-digital')).length;
    assert.ok(expected >= 1);
    const deputy = await person(DEPUTY);
    assert.ok((await deputy.filterNames()).includes(FILTER));
    await deputy.chooseFilter(FILTER);
    const counter = deputy.filterLink(FILTER).locator('.counter');
    await deputy.page.waitForFunction(
      ([el, n]) => el && el.textContent.trim() === String(n), [await counter.elementHandle(), expected], { timeout: 30_000 });
    assert.equal(Number((await counter.innerText()).trim()), expected, 'the count of «Контроль исполнения: мои решения»');
    const item = deputy.taskItems(REPORT);
    await item.first().waitFor();
    await item.first().locator('h4.task a').click();
    await deputy.page.locator('.task-details h2').filter({ hasText: REPORT }).first().waitFor();
    assert.equal(await deputy.page.getByRole('button', { name: 'Взять в работу' }).count(), 0,
      'the executor\'s task is assigned to the executor: the deputy chair cannot take it');
    // and the engine refuses to hand it over to the deputy chair
    const asDeputy = new EngineRest(app.baseUrl, DEPUTY, 'demo');
    await assert.rejects(asDeputy.call('POST', `/engine-rest/task/${m.reportId}/claim`, { userId: DEPUTY }));
    await deputy.close();
  });

  step(`${OTHER_DEPUTY} (другое направление) не видит это поручение`, async () => {
    const asOther = new EngineRest(app.baseUrl, OTHER_DEPUTY, 'demo');
    const [filter] = (await asOther.get('/engine-rest/filter?resourceType=Task')).filter((f) => f.name === FILTER);
    assert.ok(filter, `${OTHER_DEPUTY} has the filter`);
    const listed = await asOther.call('POST', `/engine-rest/filter/${filter.id}/list`, {});
    assert.ok(!listed.some((t) => t.id === m.reportId), 'another area\'s decision is not listed');
  });
});
