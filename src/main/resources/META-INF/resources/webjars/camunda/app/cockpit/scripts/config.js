/*
 * wg-meetings: Cockpit configuration (overrides the webjar's app/cockpit/scripts/config.js, which is empty in 7.24).
 *
 * Language: Russian for everyone, whatever the browser's language (the project's own locales/ru.json; Cockpit would
 * otherwise pick the browser's first language when it is available). "?lang=en" before the "#" switches this
 * browser to English (e.g. /camunda/app/cockpit/default/?lang=en#/), "?lang=ru" back; the choice is remembered in
 * localStorage "wg.locale", shared with Tasklist and the start page (see app/tasklist/scripts/config.js).
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
  // Header and browser tab read "Мониторинг Рабочей группы" instead of "Camunda Cockpit" (a blank vendor leaves the name alone).
  app: locale === 'ru' ? { vendor: ' ', name: 'Мониторинг Рабочей группы' } : undefined,

  locales: {
    // Only the chosen language is offered, so the browser's language cannot override it.
    availableLocales: [locale],
    fallbackLocale: locale
  }
};
