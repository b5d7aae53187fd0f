/*
 * wg-meetings: configuration of the start page and login (overrides the webjar's app/welcome/scripts/config.js).
 *
 * Language: Russian for everyone, whatever the browser's language; "?lang=en" before the "#" switches this
 * browser to English (remembered in localStorage "wg.locale", shared with Tasklist), "?lang=ru" back.
 * See app/tasklist/scripts/config.js.
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
  // Header, login page and browser tab read "Рабочая группа" instead of "Camunda Welcome" (see Tasklist's config.js).
  app: locale === 'ru' ? { vendor: ' ', name: 'Рабочая группа' } : undefined,

  locales: {
    availableLocales: [locale],
    fallbackLocale: locale
  }
};
