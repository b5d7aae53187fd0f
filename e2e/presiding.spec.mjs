// Browser walk of a meeting as it really happens on the day (§§ 10, 15, 16): the chair falls ill, a deputy chair
// presides on his oral instruction recorded at the registration; a member leaves before item 2 (no quorum: not
// decided) and another arrives late by ВКС before item 3, restoring the quorum for the last item. The forms show
// running totals and what the previous item decided; the minutes say who presided and who came and went; the
// deputy signs. Same harness as tasklist.spec.mjs (docs/e2e.md). Run:
// `node --test --test-concurrency=1 --test-name-pattern='председательствует заместитель' e2e/presiding.spec.mjs`
import assert from 'node:assert/strict';
import { docxText } from './lib/docx.mjs';
import { uploadSignature } from './lib/signature.mjs';
import { app, person, picture, rest, useApp, walk } from './lib/walks.mjs';

const SECRETARY = 'smirnova';
const CHAIR = 'sokolov';
const DEPUTY = 'lebedeva';
const DEPUTY_OPTION = 'Лебедева Ольга Николаевна — заместитель председателя';
/** 8 of 15 in the room, the chair absent: exactly quorate (§ 15). */
const IN_PERSON = [
  ['lebedeva', 'Лебедева Ольга Николаевна — заместитель председателя', 'Лебедева Ольга Николаевна'],
  ['morozov', 'Морозов Дмитрий Сергеевич — заместитель председателя', 'Морозов Дмитрий Сергеевич'],
  ['kuznetsova', 'Кузнецова Елена Игоревна — заместитель председателя', 'Кузнецова Елена Игоревна'],
  ['vasiliev', 'Васильев Павел Андреевич', 'Васильев Павел Андреевич'],
  ['novikova', 'Новикова Татьяна Петровна', 'Новикова Татьяна Петровна'],
  ['fedorov', 'Фёдоров Игорь Михайлович', 'Фёдоров Игорь Михайлович'],
  ['pavlova', 'Павлова Наталья Юрьевна', 'Павлова Наталья Юрьевна'],
  ['semenov', 'Семёнов Алексей Олегович', 'Семёнов Алексей Олегович'],
];
const LEAVES = 'Семёнов Алексей Олегович'; // before item 2
const ARRIVES = 'Голубева Марина Владимировна'; // before item 3, by ВКС
const AGENDA = [
  { title: 'О плане мероприятий на первое полугодие 2027 года', type: 'План мероприятий («дорожная карта»)', speaker: 'Лебедева О.Н.', materials: 'https://example.org/wg/plan.pdf', area: 'Общая координация (департамент организации управления)' },
  { title: 'О медиаплане информационной кампании', type: 'Медиаплан информационной кампании', speaker: 'Морозов Д.С.', materials: 'https://example.org/wg/media.pdf', area: 'Госуслуги и контрольно-надзорная деятельность (минэкономразвития)' },
  { title: 'О реестре жизненных ситуаций', type: 'Реестр жизненных ситуаций', speaker: 'Кузнецова Е.И.', materials: 'https://example.org/wg/registry.pdf', area: 'Цифровая трансформация (минцифры)' },
];
const ruDate = (iso) => iso.split('-').reverse().join('.');


useApp('presiding');

walk('Председатель заболел: председательствует заместитель по поручению, опоздавший восстанавливает кворум', (step) => {
  const m = {};
  let secretary;
  let chair;

  step('секретарь запускает заседание, председатель подтверждает и председательствует лично', async () => {
    m.date = await rest.meetingDay();
    m.time = '15:00';
    secretary = await person(SECRETARY);
    const start = await secretary.openStartDialog('Заседание Рабочей группы');
    await start.fields.typeDate('Дата', ruDate(m.date));
    await start.fields.typeDate('Время (чч:мм)', m.time);
    await start.fields.choose('Очное заседание');
    await start.fields.fill('Место проведения', 'г. Новосибирск, Красный проспект, 18, зал заседаний № 2');
    await start.start();
    const [started] = await rest.get(`/engine-rest/history/process-instance?processDefinitionKey=wg-meeting&startedBy=${SECRETARY}&sortBy=startTime&sortOrder=desc&maxResults=1`);
    m.key = started.businessKey;
    m.instanceId = started.id;
    m.number = Number(m.key.split('-')[1]);
    chair = await person(CHAIR);
    // assigned to the chair: in «Мои задачи», nothing to claim (issue 16)
    await chair.openTask('Подтвердить дату, формат и приглашённых', { filter: 'Мои задачи', meeting: m });
    await chair.fields().choose('Председательствую лично');
    await chair.complete();
  });

  step('повестка из трёх вопросов сформирована, утверждена и разослана; наступает время заседания', async () => {
    await secretary.openTask('Сформировать повестку заседания', { meeting: m });
    await secretary.claim();
    const list = secretary.fields().list('Вопросы повестки');
    for (const item of AGENDA) {
      const row = await list.add();
      await row.fill('Вопрос', item.title);
      await row.select('Вид вопроса', item.type);
      await row.fill('Докладчик', item.speaker);
      await row.fill('Информационные материалы', item.materials);
      await row.select('Направление заместителя председателя', item.area);
    }
    await secretary.complete();
    await chair.openTask('Утвердить повестку заседания', { filter: 'Мои задачи', meeting: m });
    await chair.fields().choose('Утвердить повестку');
    await chair.complete();
    await secretary.openTask('Подготовить материалы и разослать повестку', { meeting: m });
    await secretary.claim();
    await secretary.fields().fill('Информационно-справочные материалы', 'https://example.org/wg/reference.pdf');
    await secretary.fields().check('Материалы подготовлены, повестку можно рассылать');
    await secretary.complete();
    const job = await rest.waitForJob(m.instanceId, 'Event_MeetingTime', 90_000);
    await rest.executeJob(job.id);
  });

  step('регистрация: председатель отсутствует, председательствует Лебедева по его устному поручению (п. 10)', async () => {
    await secretary.openTask('Зарегистрировать участников заседания', { meeting: m });
    await secretary.claim();
    const f = secretary.fields();
    await f.checklist('Присутствуют очно', IN_PERSON.map(([, label]) => label));
    await f.scope.getByText('Отмечено присутствующих: 8 из 15 — кворум есть (п. 15)').waitFor();
    // the chair was named at confirmation; he is absent, so the secretariat names the deputy and the instruction
    await f.select('Председательствует на заседании', DEPUTY_OPTION);
    await f.choose('устное');
    await f.fill('Реквизиты поручения', 'по телефону секретарю Рабочей группы');
    await f.typeDate('Дата поручения', ruDate(m.date));
    await f.fill('Аудиозапись заседания', `\\\\fileserver\\wg\\audio\\${m.date}-2.mp3`);
    await picture(secretary, 'tasklist-attendance-presiding.png', f.scope.getByText('Председательствует на заседании'));
    await secretary.complete();
  });

  step('вопрос 1: «все присутствующие — за», итоги видны в форме', async () => {
    await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m, timeoutMs: 90_000 });
    const f = secretary.fields();
    await f.scope.getByText(`Вопрос 1: ${AGENDA[0].title}`).waitFor();
    assert.match(await f.text(), /Председательствует Лебедева Ольга Николаевна/);
    await secretary.claim();
    await f.check('Все присутствующие — за');
    await f.scope.getByText(/За:\s*8 · Против:\s*0 · Воздержались:\s*0 · Не голосовали:\s*0/).waitFor();
    await f.fill('РЕШИЛИ', 'Утвердить план мероприятий на первое полугодие 2027 года');
    await secretary.complete();
  });

  step('вопрос 2: член покидает заседание — кворума нет, решение не принимается', async () => {
    await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m });
    const f = secretary.fields();
    await f.scope.getByText(`Вопрос 2: ${AGENDA[1].title}`).waitFor();
    assert.match(await f.text(), /Вопрос 1: решение принято: 8 из 8/);
    await secretary.claim();
    await f.checklist('Покинули заседание перед рассмотрением вопроса', [LEAVES]);
    await f.scope.getByText(/Присутствуют:\s*7 из 15 — кворума нет/).waitFor();
    await f.fill('РЕШИЛИ', 'Решение не принималось в связи с отсутствием кворума');
    await secretary.complete();
  });

  step('вопрос 3: опоздавший подключается по ВКС и восстанавливает кворум; решение принято', async () => {
    await secretary.openTask('Внести решение и итоги голосования по вопросу', { meeting: m });
    const f = secretary.fields();
    await f.scope.getByText(`Вопрос 3: ${AGENDA[2].title}`).waitFor();
    assert.match(await f.text(), /Вопрос 2: решение не принималось: нет кворума \(7 из 15\)/);
    await secretary.claim();
    await f.checklist('Подключились по ВКС перед рассмотрением вопроса', [ARRIVES]);
    await f.scope.getByText(/Присутствуют:\s*8 из 15 — кворум есть/).waitFor();
    // the late arrival can vote on this item; the member who left cannot
    const voters = await f.checklistOptions('За');
    assert.ok(voters.includes(ARRIVES), `the arrival votes: ${voters}`);
    assert.ok(!voters.includes(LEAVES), `the member who left does not vote: ${voters}`);
    await f.checklist('За', voters.filter((v) => v !== 'Фёдоров Игорь Михайлович'));
    await f.checklist('Против', ['Фёдоров Игорь Михайлович']);
    await f.scope.getByText(/За:\s*7 · Против:\s*1 · Воздержались:\s*0 · Не голосовали:\s*0/).waitFor();
    await f.fill('РЕШИЛИ', 'Утвердить реестр жизненных ситуаций');
    await secretary.complete();
  });

  step('протокол говорит, кто председательствовал и кто прибыл или ушёл; подписывает заместитель', async () => {
    await secretary.openTask('Оформить протокол заседания', { meeting: m, timeoutMs: 90_000 });
    await secretary.claim();
    const f = secretary.fields();
    const href = await f.scope.getByRole('link', { name: 'Скачать проект протокола (DOCX)' }).getAttribute('href');
    const res = await secretary.page.request.get(new URL(href, app.baseUrl).toString());
    assert.equal(res.status(), 200, `GET ${href}`);
    const minutes = docxText(await res.body());
    for (const expected of [
      'Лебедева Ольга Николаевна',
      'по поручению председателя Рабочей группы',
      `${LEAVES} покинул(а) заседание перед рассмотрением вопроса 2`,
      `${ARRIVES} прибыл(а) перед рассмотрением вопроса 3 (в режиме ВКС)`,
      'При рассмотрении вопроса присутствуют 7 из 15 членов Рабочей группы',
      'При рассмотрении вопроса присутствуют 8 из 15 членов Рабочей группы',
    ]) {
      assert.ok(minutes.includes(expected), `the minutes must contain «${expected}»:\n${minutes}`);
    }
    await f.check('Протокол оформлен и готов к подписанию');
    await secretary.complete();
    const deputy = await person(DEPUTY);
    await deputy.openTask('Подписать протокол заседания', { filter: 'Мои задачи', meeting: m });
    // the signature of the chair's deputy who presided (§ 18), verified when uploaded
    await uploadSignature(deputy, app, 'Лебедева Ольга Николаевна');
    await deputy.fields().choose('Подписать протокол');
    await deputy.complete();
    const signed = await rest.get(`/engine-rest/history/activity-instance?processInstanceId=${m.instanceId}&activityId=Task_SignMinutes`);
    assert.equal(signed[0].assignee, DEPUTY);
    await deputy.close();
    await secretary.close();
    await chair.close();
  });
});
