/*
 * wg-meetings: Tasklist configuration (overrides the webjar's app/tasklist/scripts/config.js).
 * Language: Russian for everyone, "?lang=en" / "?lang=ru" to switch (app/wg-locale.js); the keyboard shortcuts'
 * descriptions follow it.
 */
import { locale, languageConfig } from '../../wg-locale.js';

export default {
  ...languageConfig('Задачи Рабочей группы'),

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
