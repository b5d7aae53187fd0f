/*
 * wg-meetings: Cockpit configuration (overrides the webjar's app/cockpit/scripts/config.js, which is empty in 7.24).
 * Language: Russian for everyone, "?lang=en" / "?lang=ru" to switch (app/wg-locale.js).
 */
import { languageConfig } from '../../wg-locale.js';

export default {
  ...languageConfig('Мониторинг Рабочей группы')
};
