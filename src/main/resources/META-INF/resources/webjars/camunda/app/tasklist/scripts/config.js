/*
 * wg-meetings: Tasklist configuration (overrides the webjar's app/tasklist/scripts/config.js).
 *
 * Language: Russian for everyone, whatever the browser's language (Tasklist would otherwise pick the
 * browser's first language when it is available). English stays available on request: open Tasklist once
 * with "?lang=en" before the "#" (e.g. /camunda/app/tasklist/default/?lang=en#/); the choice is remembered
 * in this browser (localStorage "wg.locale", shared by Tasklist and the start page); "?lang=ru" switches back.
 * Tasklist 7.24 has no language selector of its own.
 */
const LOCALE_KEY = 'wg.locale';

function chosenLocale() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'ru' || requested === 'en') {
      window.localStorage.setItem(LOCALE_KEY, requested);
    }
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'ru';
  } catch (e) {
    return 'ru';
  }
}

const locale = chosenLocale();

export default {
  // Header, login page and browser tab read "Задачи Рабочей группы" instead of "Camunda Tasklist" (Tasklist joins
  // vendor and name with a space; a blank vendor leaves the name alone). English keeps Camunda's names.
  app: locale === 'ru' ? { vendor: ' ', name: 'Задачи Рабочей группы' } : undefined,

  locales: {
    // Only the chosen language is offered, so the browser's language cannot override it.
    availableLocales: [locale],
    fallbackLocale: locale
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: locale === 'ru' ? 'взять в работу выбранную задачу' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: locale === 'ru' ? 'перейти к первому фильтру в списке' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: locale === 'ru' ? 'перейти к первой задаче в списке' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: locale === 'ru' ? 'перейти к первому полю формы задачи' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: locale === 'ru' ? 'открыть окно запуска процесса' : 'opens the start process modal dialog'
    }
  }
};
