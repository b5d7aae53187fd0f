/*
 * wg-meetings: the language of every webapp (Tasklist, the start page, Cockpit, Admin), imported by each app's
 * scripts/config.js (an ES module the webapps load with import()).
 *
 * Russian for everyone, whatever the browser's language (the project's own locales/ru.json; a webapp would otherwise
 * pick the browser's first language when it is available). English stays available on request: open a webapp once
 * with "?lang=en" before the "#" (e.g. /camunda/app/tasklist/default/?lang=en#/); the choice is remembered in this
 * browser (localStorage "wg.locale", shared by all the webapps); "?lang=ru" switches back. The webapps of 7.24 have
 * no language selector of their own.
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

/** 'ru' or 'en', as chosen for this browser. */
export const locale = chosenLocale();

/**
 * The language part of a webapp's configuration: only the chosen language is offered (so the browser's cannot
 * override it), and in Russian the header, login page and browser tab read {@code russianName} instead of
 * "Camunda …" (the webapps join vendor and name with a space; a blank vendor leaves the name alone). English keeps
 * Camunda's names.
 */
export function languageConfig(russianName) {
  return {
    app: locale === 'ru' ? { vendor: ' ', name: russianName } : undefined,
    locales: {
      availableLocales: [locale],
      fallbackLocale: locale
    }
  };
}
