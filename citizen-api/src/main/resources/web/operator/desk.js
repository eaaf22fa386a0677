/* The operators' desk pages, shared part on top of common.js (window.Ek: DOM, texts, the API): the
   desk's texts in uz/ru/en, who may see the desk (the households' page signs in), and problems
   (RFC 9457) shown next to the field at fault. Plain JS, no build step. */
(function () {
  'use strict';

  var TEXTS = {
    uz: {
      desk: 'Operator ish joyi', meters: 'Hisoblagichlar', tariffs: 'Tariflar', accounts: 'Shaxsiy hisoblar', home: 'Bosh sahifa', appealsDesk: 'Murojaatlar', billRuns: 'Hisob-kitoblar',
      signOut: 'Chiqish', deniedTitle: 'Bu sahifa kommunal xizmat operatorlari uchun',
      deniedText: 'Sizning hisobingizga operator huquqi berilmagan. Hisoblagich va tariflarni operator yoki administrator boshqaradi.',
      signInFirst: 'Avval telefon raqamingiz bilan kiring.', toSignIn: 'Kirish sahifasiga',
      required: 'To‘ldirilishi shart', loading: 'Yuklanmoqda…', failed: 'Xatolik. Qayta urinib ko‘ring.', none: '—', refresh: 'Yangilash',
      next: 'Keyingi sahifa', prev: 'Oldingi sahifa', page: 'Sahifa', empty: 'Hech narsa topilmadi',
      roleOPERATOR: 'operator', roleADMINISTRATOR: 'administrator', roleCASHIER: 'kassir',
      e1001: 'Noto‘g‘ri parametr', e1002: 'Parametr yetishmayapti', e3001: 'Noto‘g‘ri qiymat',
      e3002: 'Noma’lum qiymat', e3003: 'Qiymat kiritilmagan', e4005: 'Qayta kiring', e4007: 'Ruxsat yo‘q',
      e4103: 'Shaxsiy hisob topilmadi', e2001: 'Hisoblagich topilmadi',
      e7001: 'Bu seriya raqamli hisoblagich allaqachon ro‘yxatda', e7002: 'Hisoblagich xizmatdan chiqarilgan',
      e7003: 'Tarif versiyasi qabul qilinmadi', e7004: 'Tarif versiyalari sanalari ustma-ust tushadi',
      e7005: 'Tarif versiyasi topilmadi', e7008: 'Faqat operatorlar va administratorlar uchun'
    },
    ru: {
      desk: 'Рабочее место оператора', meters: 'Счётчики', tariffs: 'Тарифы', accounts: 'Лицевые счета', home: 'Главная', appealsDesk: 'Обращения', billRuns: 'Начисления',
      signOut: 'Выйти', deniedTitle: 'Эта страница для операторов коммунальных служб',
      deniedText: 'У вашей учётной записи нет прав оператора. Счётчиками и тарифами управляют операторы и администраторы.',
      signInFirst: 'Сначала войдите по номеру телефона.', toSignIn: 'На страницу входа',
      required: 'Обязательное поле', loading: 'Загрузка…', failed: 'Ошибка. Попробуйте ещё раз.', none: '—', refresh: 'Обновить',
      next: 'Следующая страница', prev: 'Предыдущая страница', page: 'Страница', empty: 'Ничего не найдено',
      roleOPERATOR: 'оператор', roleADMINISTRATOR: 'администратор', roleCASHIER: 'кассир',
      e1001: 'Неверный параметр', e1002: 'Не хватает параметра', e3001: 'Неверное значение',
      e3002: 'Неизвестное значение', e3003: 'Значение не указано', e4005: 'Войдите снова', e4007: 'Нет доступа',
      e4103: 'Лицевой счёт не найден', e2001: 'Счётчик не найден',
      e7001: 'Счётчик с таким серийным номером уже зарегистрирован', e7002: 'Счётчик выведен из эксплуатации',
      e7003: 'Версия тарифа отклонена', e7004: 'Периоды версий тарифа пересекаются',
      e7005: 'Версия тарифа не найдена', e7008: 'Только для операторов и администраторов'
    },
    en: {
      desk: 'Operator desk', meters: 'Meters', tariffs: 'Tariffs', accounts: 'Accounts', home: 'Home', appealsDesk: 'Appeals', billRuns: 'Bill runs',
      signOut: 'Sign out', deniedTitle: 'This page is for utility operators',
      deniedText: 'Your account has no operator rights. Meters and tariffs are managed by operators and administrators.',
      signInFirst: 'Please sign in with your phone first.', toSignIn: 'Go to sign-in',
      required: 'Required', loading: 'Loading…', failed: 'Something went wrong. Please try again.', none: '—', refresh: 'Refresh',
      next: 'Next page', prev: 'Previous page', page: 'Page', empty: 'Nothing found',
      roleOPERATOR: 'operator', roleADMINISTRATOR: 'administrator', roleCASHIER: 'cashier',
      e1001: 'Invalid parameter', e1002: 'Missing parameter', e3001: 'Invalid value',
      e3002: 'Unknown value', e3003: 'Missing value', e4005: 'Please sign in again', e4007: 'Not allowed',
      e4103: 'Account not found', e2001: 'Meter not found',
      e7001: 'A meter with this serial is already registered', e7002: 'The meter is out of service',
      e7003: 'Tariff version rejected', e7004: 'Tariff versions overlap',
      e7005: 'Tariff version not found', e7008: 'Operators and administrators only'
    }
  };

  var DESK_ROLES = { OPERATOR: true, ADMINISTRATOR: true };
  var roles = DESK_ROLES;
  var E = window.Ek;
  var t = E.t, el = E.el;
  var $ = function (id) { return document.getElementById(id); };
  E.texts(TEXTS);

  /** A datetime-local value, taken as Tashkent time, as an ISO instant ("2026-01-10T10:00" -> "...05:00:00Z"). */
  function tashkentInstant(local) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
    if (!m) { return local || undefined; }
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 5, +m[5])).toISOString().replace('.000Z', 'Z');
  }

  /** Now in Tashkent, as a datetime-local value to the minute. */
  function tashkentNow() {
    return new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 16);
  }

  /* ---- The API (common.js), with the desk's answer to 401 and to "operators only" ---- */

  function api(method, path, body, opts) {
    return E.api(method, path, body, opts).catch(function (e) {
      if (e.status === 403 && e.problem && e.problem.code === 7008) { denied(); }
      if (e.status === 401) { gate(); }
      throw e;
    });
  }

  /* ---- Problems next to the field at fault ---- */

  /** The message for a problem: our words for its code, then what the API said. */
  function problemText(e) {
    return E.problemText(e, true);
  }

  function clearProblems(form) {
    E.clearProblems(form);
  }

  /** Shows the problem next to its field (common.js), with the server's detail after the desk's words. */
  function showProblem(form, e) {
    E.showProblem(form, e, true);
  }

  /** True if the input has a value; else says so under it, as a problem on that field would. */
  function filled(form, id) {
    var input = document.getElementById(id);
    if (input.value.trim()) { return true; }
    var field = input.getAttribute('data-field').split(' ')[0];
    showProblem(form, { problem: { field: field }, message: t('required') });
    return false;
  }

  function done(form, text) {
    E.done(form, text);
  }

  /* ---- Who may see the desk ---- */

  function denied() {
    $('desk').hidden = true;
    $('denied').hidden = false;
    $('denied-sign-in').hidden = true;
    $('denied-role').hidden = false;
  }

  /** Shows the desk to operators and administrators; true if shown. */
  function gate() {
    var session = E.session();
    var allowed = !!session && roles[session.user.role] === true;
    $('desk').hidden = !allowed;
    $('denied').hidden = allowed;
    $('denied-sign-in').hidden = !!session;
    $('denied-role').hidden = !session;
    who();
    $('sign-out').hidden = !session;
    return allowed;
  }

  /** Who is signed in, with the role in the page's language. */
  function who() {
    var session = E.session();
    $('who').textContent = session
      ? session.user.phone + (roles[session.user.role] ? ' · ' + t('role' + session.user.role) : '') : '';
  }

  function signOut() {
    var session = E.session();
    if (session) { E.call('POST', '/api/v1/auth/logout', { refreshToken: session.refreshToken }).catch(function () {}); }
    E.saveSession(null);
    window.location.href = '/';
  }

  /**
   * Wires the language buttons and sign-out; runs start() if the caller may use the desk: operators
   * and administrators, or the roles given ({COMPLAINTS_OFFICER: true, ...}).
   */
  function page(start, allowed) {
    roles = allowed || DESK_ROLES;
    E.languageButtons();
    E.onLanguage(who);
    $('sign-out').addEventListener('click', signOut);
    E.applyLanguage();
    if (gate()) { start(); }
  }

  window.EkDesk = {
    texts: E.texts, t: t, el: el, i18n: E.i18n, when: E.when, day: E.day, api: api, page: page,
    tashkentInstant: tashkentInstant, tashkentNow: tashkentNow, showProblem: showProblem,
    clearProblems: clearProblems, done: done, filled: filled, applyLanguage: E.applyLanguage,
    onLanguage: E.onLanguage, problemText: problemText,
    role: function () { var s = E.session(); return s ? s.user.role : null; },
    lang: E.lang
  };
}());
