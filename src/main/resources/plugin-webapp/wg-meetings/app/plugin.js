// wg-meetings: Cockpit plugin «Заседания и сроки» (ru.nso.wg.monitoring.cockpit.MeetingsCockpitPlugin).
// A dashboard block (meetings of a period with their legal deadlines, decisions under control by area) and a tab on
// a meeting's process instance (its legal timeline). Plain ES module, no bundler: Cockpit imports this file and reads
// the default export. Data: the plugin's REST resources under /camunda/api/cockpit/plugin/wg-meetings/<engine>/.
// Everything a person reads here is Russian. This file is public (served without login): no secrets in it.

const ID = 'wg-meetings';
const ZERO = '—';

function base(api) {
  return `${api.cockpitApi}/plugin/${ID}/${api.engine}`;
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const error = new Error((body && body.message) || `Ошибка ${res.status}`);
    error.status = res.status;
    throw error;
  }
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

/** «2026-12-01» → «01.12.2026». */
function ruDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** «2026-12-01T18:00:00+07:00» → «01.12.2026 18:00» (the API writes Novosibirsk time). */
function ruDateTime(iso) {
  if (!iso) return '';
  return `${ruDate(iso)} ${iso.slice(11, 16)}`;
}

function stateBadge(deadline) {
  if (!deadline) return el('span', { class: 'wg-muted' }, ZERO);
  return el('span', {
    class: `wg-state wg-${deadline.state}`,
    'data-state': deadline.state,
    'data-kind': deadline.kind,
    title: deadline.description,
  }, deadline.text);
}

/** The publication's service level: a badge of its own, never styled or counted as a deadline of the regulation. */
function serviceLevelBadge(level) {
  if (!level || level.state === 'NOT_APPLICABLE') return el('span', { class: 'wg-muted', title: level ? level.text : '' }, ZERO);
  return el('span', {
    class: `wg-sl wg-sl-${level.state}`,
    'data-service-level': level.state,
    title: `${level.description} (${level.reference})`,
  }, level.dueAt && !level.doneAt ? `${level.text}, до ${ruDateTime(level.dueAt)}` : level.text);
}

/** Replaces a node's children, leaving out the absent ones (null, undefined, false). */
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function errorBox(node, e) {
  fill(node, el('p', { class: 'wg-error' }, e.message));
}

function instanceLink(id, text) {
  return el('a', { href: `#/process-instance/${id}/runtime?tab=wg-meeting-timeline` }, text);
}

// ------------------------------------------------------------------------------------------------- dashboard

function renderDashboard(node, { api }) {
  const root = el('section', { class: 'wg-mon', id: 'wg-monitoring' });
  node.appendChild(root);
  const year = new Date().getFullYear();
  const from = el('input', { type: 'date', class: 'form-control', id: 'wg-from', value: `${year}-01-01`, 'aria-label': 'Начало периода' });
  const to = el('input', { type: 'date', class: 'form-control', id: 'wg-to', value: `${year}-12-31`, 'aria-label': 'Окончание периода' });
  const body = el('div', { id: 'wg-monitoring-body' }, el('p', { class: 'wg-muted' }, 'Загрузка…'));
  const reports = el('span', { class: 'wg-reports' });
  let fullAccess = false;
  root.append(
    el('h3', null, 'Заседания и сроки'),
    el('div', { class: 'wg-period' },
      el('label', { for: 'wg-from' }, 'Период: с'), from, el('label', { for: 'wg-to' }, 'по'), to,
      el('button', { type: 'button', class: 'btn btn-default', id: 'wg-show', onclick: () => load() }, 'Показать'),
      reports),
    body);

  function reportLinks(data) {
    const q = `from=${data.period.from}&to=${data.period.to}&format=xlsx`;
    fill(reports,
      data.fullAccess ? el('a', { href: `/api/reports/compliance?${q}`, id: 'wg-report-compliance', download: '' }, 'Отчёт о соблюдении сроков (XLSX)') : null,
      data.fullAccess ? ' · ' : null,
      el('a', { href: `/api/reports/decisions?${q}`, id: 'wg-report-decisions', download: '' }, 'Решения на контроле (XLSX)'));
  }

  async function load() {
    fill(body, el('p', { class: 'wg-muted' }, 'Загрузка…'));
    try {
      const data = await getJson(`${base(api)}/dashboard?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
      fullAccess = data.fullAccess;
      reportLinks(data);
      const detail = el('div', { id: 'wg-decision-list' });
      fill(body,
        data.meetings ? meetingsTable(data.meetings) : null,
        decisionsTable(data, detail),
        detail);
    } catch (e) {
      fill(reports);
      errorBox(body, e);
    }
  }

  function meetingsTable(meetings) {
    const rows = meetings.map((m) => {
      const clause = (kind) => {
        const d = m.deadlines.find((x) => x.kind === kind);
        return el('td', { 'data-kind': kind }, m.held ? stateBadge(d) : el('span', { class: 'wg-muted' }, ZERO));
      };
      return el('tr', { 'data-meeting': m.key },
        el('td', null, m.running && m.processInstanceId ? instanceLink(m.processInstanceId, m.number) : m.number),
        el('td', null, ruDateTime(m.start)),
        el('td', null, m.statusTitle),
        el('td', null, m.presiding || ZERO),
        el('td', { class: 'wg-next' }, m.next
          ? [el('div', null, `${m.next.reference}: ${ruDateTime(m.next.dueAt)}`), stateBadge(m.next)]
          : el('span', { class: 'wg-muted' }, 'нет открытых сроков')),
        clause('agendaToChair'), clause('agendaDistribution'), clause('minutesDue'), clause('minutesCopiesDue'),
        el('td', { class: 'wg-service-level', 'data-kind': 'publication' }, serviceLevelBadge(m.publication)));
    });
    return el('div', null,
      el('h4', null, `Заседания (${meetings.length})`),
      meetings.length === 0 ? el('p', { class: 'wg-muted' }, 'За период заседаний нет.') :
        el('div', { class: 'wg-scroll' }, el('table', { id: 'wg-meetings' },
          el('thead', null, el('tr', null,
            el('th', null, 'Заседание'), el('th', null, 'Дата и время'), el('th', null, 'Стадия'),
            el('th', null, 'Председательствующий'), el('th', null, 'Ближайший срок'),
            el('th', { title: 'Передача повестки председателю' }, 'п. 13'),
            el('th', { title: 'Рассылка повестки и материалов' }, 'п. 14'),
            el('th', { title: 'Протокол на подпись' }, 'п. 18'),
            el('th', { title: 'Копии протокола и передача информации для размещения' }, 'п. 19'),
            el('th', { class: 'wg-service-level', title: 'Размещение на официальном сайте: уровень обслуживания, не срок Положения' },
              'Размещение (уровень обслуживания)'))),
          el('tbody', null, rows))));
  }

  function decisionsTable(data, detail) {
    const header = el('tr', null, el('th', null, 'Направление'), data.categories.map((c) => el('th', null, c.title)), el('th', null, 'Всего'));
    const rows = data.areas.map((a) => el('tr', { 'data-area': a.area },
      el('td', null, a.areaTitle),
      data.categories.map((c) => el('td', { class: 'wg-count', 'data-category': c.id },
        a.counts[c.id] > 0
          ? el('a', { href: '', onclick: (ev) => { ev.preventDefault(); showList(detail, a, c); } }, String(a.counts[c.id]))
          : '0')),
      el('td', null, String(a.total))));
    return el('div', null,
      el('h4', null, 'Решения на контроле исполнения'),
      data.areas.length === 0 ? el('p', { class: 'wg-muted' }, 'Нет направлений для показа.') :
        el('table', { id: 'wg-decisions' }, el('thead', null, header), el('tbody', null, rows)));
  }

  async function showList(detail, area, category) {
    fill(detail, el('p', { class: 'wg-muted' }, 'Загрузка…'));
    try {
      const data = await getJson(`${base(api)}/decisions?from=${from.value}&to=${to.value}&area=${encodeURIComponent(area.area)}&state=${category.id}`);
      const history = el('div', { id: 'wg-decision-history' });
      fill(detail,
        el('h4', null, `${area.areaTitle}: ${category.title} (${data.count})`),
        el('table', { id: 'wg-decision-rows' },
          el('thead', null, el('tr', null, el('th', null, 'Заседание'), el('th', null, 'Вопрос'), el('th', null, 'Поручение'),
            el('th', null, 'Исполнитель'), el('th', null, 'Срок'), el('th', null, 'Состояние'))),
          el('tbody', null, data.decisions.map((d) => el('tr', { 'data-decision': d.key },
            el('td', null, `${d.meeting} от ${ruDate(d.meetingDate)}`),
            el('td', null, `${d.itemNo}. ${d.itemTitle || ''}`),
            el('td', null, el('a', { href: '', onclick: (ev) => { ev.preventDefault(); showHistory(history, d); } }, d.decisionText)),
            el('td', null, d.executor || ZERO),
            el('td', null, ruDate(d.dueDate)),
            el('td', null, d.categoryTitle))))),
        history);
    } catch (e) {
      errorBox(detail, e);
    }
  }

  async function showHistory(node, d) {
    fill(node, el('p', { class: 'wg-muted' }, 'Загрузка…'));
    try {
      const [meetingKey, itemNo] = d.key.split('/');
      const data = await getJson(`${base(api)}/decisions/${encodeURIComponent(meetingKey)}/${encodeURIComponent(itemNo)}`);
      fill(node,
        el('h4', null, `История решения: ${data.meeting}, вопрос ${data.itemNo}`),
        data.history.length === 0 ? el('p', { class: 'wg-muted' }, 'Событий пока нет.') :
          el('table', { id: 'wg-history' },
            el('thead', null, el('tr', null, el('th', null, 'Когда'), el('th', null, 'Событие'), el('th', null, 'Кто'), el('th', null, 'Подробности'))),
            el('tbody', null, data.history.map((h) => el('tr', null,
              el('td', null, ruDateTime(h.at)), el('td', null, h.title), el('td', null, h.actorName || ZERO),
              el('td', null, [h.details, h.dueDateAfter ? ` Новый срок: ${ruDate(h.dueDateAfter)}.` : ''].filter(Boolean).join(' ')))))),
        fullAccess && data.processInstanceId && (data.state === 'IN_PROGRESS' || data.state === 'OVERDUE')
          ? el('p', null, el('a', { href: `#/process-instance/${data.processInstanceId}/runtime` }, 'Открыть процесс контроля исполнения'))
          : null);
    } catch (e) {
      errorBox(node, e);
    }
  }

  load();
}

// ------------------------------------------------------------------------------------------------ instance tab

function renderTimeline(node, { api, processInstanceId }) {
  const root = el('section', { class: 'wg-mon', id: 'wg-timeline' }, el('p', { class: 'wg-muted' }, 'Загрузка…'));
  node.appendChild(root);
  getJson(`${base(api)}/process-instance/${encodeURIComponent(processInstanceId)}/timeline`).then((data) => {
    const m = data.meeting;
    fill(root,
      el('h3', null, `Заседание ${m.number} от ${ruDateTime(m.start)}: сроки Положения`),
      el('p', null, `Стадия: ${m.statusTitle}. Председательствующий: ${m.presiding || ZERO}.`),
      el('table', { id: 'wg-timeline-deadlines' },
        el('thead', null, el('tr', null, el('th', null, 'Пункт'), el('th', null, 'Что сделать'), el('th', null, 'Срок'),
          el('th', null, 'Выполнено'), el('th', null, 'Состояние'))),
        el('tbody', null, m.deadlines.map((d) => el('tr', { 'data-kind': d.kind },
          el('td', null, d.reference), el('td', null, d.description), el('td', null, d.dueAt ? ruDateTime(d.dueAt) : ZERO),
          el('td', null, d.doneAt ? ruDateTime(d.doneAt) : ZERO), el('td', null, stateBadge(d)))))),
      el('table', { id: 'wg-timeline-service-level', class: 'wg-service-level' },
        el('thead', null, el('tr', null, el('th', null, 'Уровень обслуживания, не срок Положения'), el('th', null, 'Передано'),
          el('th', null, 'Срок'), el('th', null, 'Размещено'), el('th', null, 'Состояние'))),
        el('tbody', null, el('tr', { 'data-kind': m.publication.kind },
          el('td', null, m.publication.description), el('td', null, m.publication.requestedAt ? ruDateTime(m.publication.requestedAt) : ZERO),
          el('td', null, m.publication.dueAt ? ruDateTime(m.publication.dueAt) : ZERO),
          el('td', null, m.publication.doneAt ? ruDateTime(m.publication.doneAt) : ZERO),
          el('td', null, serviceLevelBadge(m.publication))))),
      el('h4', null, 'Что происходило'),
      el('table', { id: 'wg-timeline-events' },
        el('thead', null, el('tr', null, el('th', null, 'Когда'), el('th', null, 'Событие'), el('th', null, 'Кто'), el('th', null, 'Подробности'))),
        el('tbody', null, data.entries.map((e) => el('tr', { 'data-event': e.kind },
          el('td', null, ruDateTime(e.at)), el('td', null, e.title), el('td', null, e.actorName || ZERO), el('td', null, e.details || ''))))));
  }).catch((e) => {
    errorBox(root, e.status === 404 ? new Error('Этот экземпляр процесса не относится к заседанию Рабочей группы.') : e);
  });
}

export default [
  { id: 'wg-meetings-dashboard', pluginPoint: 'cockpit.dashboard', priority: 100, render: renderDashboard },
  {
    id: 'wg-meeting-timeline',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 25,
    properties: { label: 'Сроки заседания' },
    render: renderTimeline,
  },
];
