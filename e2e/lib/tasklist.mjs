// What a person does in Camunda Tasklist (Russian locale), as Playwright actions: log in, pick a filter and a
// task, take it («Взять в работу»), fill a Camunda Form (form-js), complete it («Завершить»), start a process
// («Запустить процесс» → «Начать»). Every locator is what a person reads on the screen: labels, button texts.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './app.mjs';

export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Short Playwright waits: every step has a visible result within seconds (the job executor polls every 5 s). */
export const WAIT = 20_000;

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form-js label: the text, possibly followed by the "required" asterisk. */
export const label = (text) => new RegExp(`^\\s*${escapeRegex(text)}\\s*\\*?\\s*$`);

/** One person at one browser (own cookies): Tasklist in Russian, the clock of a Novosibirsk office. */
export class Person {
  constructor(browser, baseUrl, user, password = 'demo') {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.page = null;
  }

  static open = new Set();

  async login() {
    this.context = await this.browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Asia/Novosibirsk',
      viewport: { width: 1400, height: 900 },
    });
    this.context.setDefaultTimeout(WAIT);
    this.page = await this.context.newPage();
    this.problems = [];
    this.page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    Person.open.add(this);
    await this.page.goto(`${this.baseUrl}/camunda/app/tasklist/default/`);
    // The login form may still be re-rendered by Angular while it is typed into (seen on a loaded machine: the
    // password ended up in the user field); fill again until both fields hold what was typed.
    const user = this.page.getByPlaceholder('Имя пользователя');
    const password = this.page.getByPlaceholder('Пароль');
    for (let attempt = 1; ; attempt++) {
      await user.fill(this.user);
      await password.fill(this.password);
      if ((await user.inputValue()) === this.user && (await password.inputValue()) === this.password) break;
      if (attempt === 3) throw new Error(`the login form of ${this.user} did not keep what was typed`);
    }
    await this.page.getByRole('button', { name: 'Войти' }).click();
    await this.filterLink('Мои задачи').waitFor();
    return this;
  }

  async close() {
    Person.open.delete(this);
    await this.context?.close();
  }

  /** Saves what the person sees (PNG) and the page's HTML under target/e2e/. */
  async saveArtifacts(name) {
    if (!this.page) {
      return [];
    }
    mkdirSync(OUT, { recursive: true });
    const base = join(OUT, `${name}-${this.user}`.replace(/[^\p{L}\p{N}._-]+/gu, '_'));
    await this.page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${base}.html`, await this.page.content().catch((e) => `<!-- ${e} -->`));
    return [`${base}.png`, `${base}.html`];
  }

  // --- filters and the task list ----------------------------------------------------------------------------

  get filters() {
    return this.page.locator('.task-filter');
  }

  /** The link of a filter (its text is the name followed by a task counter). */
  filterLink(name) {
    return this.page.locator(`xpath=//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])='${name}']`);
  }

  get taskList() {
    return this.page.locator('.tasks-list');
  }

  /** Names of the filters the person sees, in order. */
  async filterNames() {
    return this.filters.locator('h4.name a').evaluateAll((links) => links.map((a) => a.childNodes[0].textContent.trim()));
  }

  async chooseFilter(name) {
    await this.filterLink(name).click();
  }

  /** The list items of tasks named {@code taskName} in the current filter. */
  taskItems(taskName) {
    return this.taskList.locator('li.task').filter({
      has: this.page.locator('h4.task a', { hasText: new RegExp(`^\\s*${escapeRegex(taskName)}\\s*$`) }),
    });
  }

  /**
   * Picks the filter and waits for the task to show up in it (clicking the filter again refreshes the list, as a
   * person would while an automatic step runs in the background), then opens it.
   */
  async openTask(taskName, { filter = 'Задачи моей группы', meeting, timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.chooseFilter(filter);
      let items = this.taskItems(taskName);
      if (meeting) {
        // the filter's columns «Заседание №» and «Дата заседания» (numbers restart every year)
        items = items
          .filter({ has: this.page.locator('.variable-item', { hasText: new RegExp(`Заседание №:\\s*${meeting.number}\\s*$`) }) })
          // the card shows the date as people write it (variable meetingDateText): 2026-12-18 → 18.12.2026
          .filter({ has: this.page.locator('.variable-item', { hasText: new RegExp(`Дата заседания:\\s*${meeting.date.split('-').reverse().join('\\.')}\\s*$`) }) });
      }
      try {
        await items.first().waitFor({ timeout: 3000 });
        await items.first().locator('h4.task a').click();
        await this.page.locator('.task-details h2, [cam-tasklist-task] h2').filter({ hasText: taskName }).first().waitFor();
        await this.form.waitFor();
        return items.first();
      } catch (e) {
        if (Date.now() > deadline) {
          throw new Error(`${this.user}: no task «${taskName}» in filter «${filter}» after ${timeoutMs / 1000} s (${e.message.split('\n')[0]})`);
        }
        await this.page.waitForTimeout(2000);
      }
    }
  }

  /** The task header: name, process, due date, groups, assignee. */
  get taskHeader() {
    return this.page.locator('.task-details');
  }

  /** The due date shown in the task header: its tooltip holds the full date, e.g. «среда, 16 декабря 2026 г., 18:00». */
  async dueDateShown() {
    const due = this.taskHeader.locator('.due-date');
    await due.waitFor();
    const text = (await due.innerText()).trim();
    const tooltip = await due.locator('[uib-tooltip]').evaluateAll((els) => els.map((e) => e.getAttribute('uib-tooltip')));
    return { text, tooltip: tooltip.filter((t) => t && t !== 'Срок').join(' ') };
  }

  async claim() {
    await this.taskHeader.getByRole('button', { name: 'Взять в работу' }).click();
    await this.taskHeader.getByText('Отказаться').or(this.taskHeader.locator('.assignee .ng-binding', { hasText: /\S/ })).first().waitFor();
  }

  // --- the form of the open task ------------------------------------------------------------------------------

  get form() {
    return this.page.locator('.task-details .fjs-container, [cam-tasklist-task] .fjs-container').first();
  }

  fields(scope = this.form) {
    return new Fields(this.page, scope);
  }

  get completeButton() {
    return this.page.getByRole('button', { name: 'Завершить', exact: true });
  }

  /**
   * Clicks «Завершить» and waits for Tasklist's answer from the server. A refusal (a task listener's message)
   * fails the step with the notification the person sees.
   */
  async complete() {
    await this.completeButton.waitFor();
    if (!(await this.completeButton.isEnabled())) {
      throw new Error(`${this.user}: «Завершить» is disabled; form errors: ${await this.formErrors()}`);
    }
    await this.submitAndCheck(() => this.completeButton.click(), /\/task\/[^/]+\/submit-form$/);
    // Tasklist closes the form of a completed task
    await this.page.getByText('Выберите задачу в списке.').or(this.page.locator('.task-details h2')).first().waitFor();
  }

  /** Performs the click that submits a form; resolves when the server accepted it, otherwise throws what the person sees. */
  async submitAndCheck(click, urlPattern) {
    const response = this.page.waitForResponse((r) => r.request().method() === 'POST' && urlPattern.test(new URL(r.url()).pathname));
    await click();
    const res = await response;
    if (res.ok()) {
      return;
    }
    const body = await res.text().catch(() => '');
    const shown = await this.page.locator('.notifications .alert-danger').first().innerText({ timeout: 5000 }).catch(() => '(no notification)');
    throw new Error(`${this.user}: the server refused the form (${res.status()}): ${shown.replace(/\s+/g, ' ')}\n${body.slice(0, 1000)}`);
  }

  /** Validation messages shown under the fields of the form. */
  async formErrors(scope = this.page) {
    const errors = await scope.locator('.fjs-form-field-error').allInnerTexts();
    return JSON.stringify(errors.filter((e) => e.trim()));
  }

  async expectNotification(text, { timeout = WAIT } = {}) {
    await this.page.locator('.notifications .alert').filter({ hasText: text }).first().waitFor({ timeout });
  }

  // --- starting a process --------------------------------------------------------------------------------------

  /** «Запустить процесс» → the process by its name; returns the dialog (its form is dialog.fields). */
  async openStartDialog(processName) {
    await this.page.getByRole('link', { name: 'Запустить процесс' }).or(this.page.getByText('Запустить процесс', { exact: true })).first().click();
    const dialog = this.page.locator('.modal-dialog');
    await dialog.getByText(processName, { exact: true }).click();
    await dialog.locator('.fjs-container').waitFor();
    return {
      dialog,
      fields: new Fields(this.page, dialog.locator('.fjs-container')),
      startButton: dialog.getByRole('button', { name: 'Начать', exact: true }),
      start: async () => {
        const button = dialog.getByRole('button', { name: 'Начать', exact: true });
        if (!(await button.isEnabled())) {
          throw new Error(`${this.user}: «Начать» is disabled; form errors: ${await this.formErrors(dialog)}`);
        }
        await this.submitAndCheck(() => button.click(), /\/process-definition\/[^/]+\/submit-form$/);
        // a new meeting is announced with its number (src/build/webjar-patches.txt), other processes generally
        await this.expectNotification(/Заседание № \d+\/\d{4} создано\.|Процесс запущен\./);
      },
    };
  }
}

/** Filling a Camunda Form (form-js 1.x as shipped with Tasklist 7.24) by the labels a person reads. */
export class Fields {
  constructor(page, scope) {
    this.page = page;
    this.scope = scope;
  }

  /** The input labelled {@code text} (text field, text area, number, date or time part, checkbox). */
  input(text) {
    return this.scope.getByLabel(label(text));
  }

  async fill(text, value) {
    const input = this.input(text);
    await input.fill(String(value));
    await input.blur();
  }

  /** A date (дд.мм.гггг) or a time (чч:мм) part of a datetime field, typed as a person types it. */
  async typeDate(text, value) {
    const input = this.input(text);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await input.blur();
  }

  async check(text) {
    await this.input(text).check();
  }

  /** A radio option, by its label. */
  async choose(optionText) {
    await this.scope.getByRole('radio', { name: label(optionText) }).check();
  }

  /** The form field (any component) whose own label is {@code text}. */
  field(text) {
    return this.scope.locator('.fjs-form-field').filter({
      has: this.page.locator(':scope > .fjs-form-field-label, :scope > label', { hasText: label(text) }),
    });
  }

  /** Checks exactly these options of a checklist (and unchecks the others). */
  async checklist(text, optionLabels) {
    const group = this.field(text);
    await group.first().waitFor();
    const boxes = group.getByRole('checkbox');
    const count = await boxes.count();
    const wanted = new Set(optionLabels);
    const seen = [];
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      const name = (await box.evaluate((el) => el.labels?.[0]?.innerText ?? '')).trim();
      seen.push(name);
      if (wanted.has(name)) {
        await box.check();
      } else if (await box.isChecked()) {
        await box.uncheck();
      }
    }
    const missing = optionLabels.filter((o) => !seen.includes(o));
    if (missing.length) {
      throw new Error(`Checklist «${text}» has no option(s) ${JSON.stringify(missing)}; it shows ${JSON.stringify(seen)}`);
    }
  }

  /** The option labels of a checklist, as shown. */
  async checklistOptions(text) {
    const group = this.field(text);
    await group.first().waitFor();
    return (await group.getByRole('checkbox').evaluateAll((els) => els.map((el) => el.labels?.[0]?.innerText ?? ''))).map((s) => s.trim());
  }

  /** A (non-searchable or searchable) select: opens the dropdown and picks the option by its label. */
  async select(text, optionText) {
    const field = this.field(text).first();
    await field.waitFor();
    const searchInput = field.locator('input.fjs-input:not([type="hidden"])');
    if (await searchInput.count()) {
      await searchInput.first().click();
      await searchInput.first().fill(optionText.slice(0, 12));
    } else {
      await field.locator('.fjs-input-group').first().click();
    }
    await field.locator('.fjs-dropdownlist-item', { hasText: optionText }).first().click();
  }

  /** The rows of a dynamic list (group) whose label is {@code text}. */
  list(text) {
    const list = this.scope.locator('.fjs-form-field-dynamiclist, .fjs-form-field-group').filter({
      has: this.page.locator('.fjs-form-field-label', { hasText: label(text) }),
    }).first();
    return {
      locator: list,
      add: async () => {
        const before = await list.locator('.fjs-repeat-row-container').count();
        await list.getByRole('button', { name: 'Добавить' }).click();
        await list.locator('.fjs-repeat-row-container').nth(before).waitFor();
        return new Fields(this.page, list.locator('.fjs-repeat-row-container').nth(before));
      },
      row: (i) => new Fields(this.page, list.locator('.fjs-repeat-row-container').nth(i)),
      count: () => list.locator('.fjs-repeat-row-container').count(),
    };
  }

  /** The rows of a read-only table component whose label is {@code text}: arrays of cell texts. */
  async table(text) {
    const table = this.field(text).or(this.scope.locator('.fjs-form-field-table').filter({ hasText: text })).first();
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim())));
  }

  /** Text of the form (headings, paragraphs, labels, descriptions). */
  text() {
    return this.scope.innerText();
  }
}
