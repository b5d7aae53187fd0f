/*
 * wg-meetings: configuration of the start page and login (overrides the webjar's app/welcome/scripts/config.js).
 * Language: Russian for everyone, "?lang=en" / "?lang=ru" to switch (app/wg-locale.js).
 */
import { languageConfig } from '../../wg-locale.js';

export default {
  ...languageConfig('Рабочая группа')
};
