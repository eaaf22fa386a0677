/* The operators' desk pages, shared part: texts in uz/ru/en, the signed-in session (the households'
   page signs in and keeps it in localStorage), the API with one refresh on 401, who may see the
   desk, and problems (RFC 9457) shown next to the field at fault. Plain JS, no build step. */
(function () {
  'use strict';

  var TEXTS = {
    uz: {
      desk: 'Operator ish joyi', meters: 'Hisoblagichlar', tariffs: 'Tariflar', accounts: 'Shaxsiy hisoblar', home: 'Bosh sahifa',
      signOut: 'Chiqish', deniedTitle: 'Bu sahifa kommunal xizmat operatorlari uchun',
      deniedText: 'Sizning hisobingizga operator huquqi berilmagan. Hisoblagich va tariflarni operator yoki administrator boshqaradi.',
      signInFirst: 'Avval telefon raqamingiz bilan kiring.', toSignIn: 'Kirish sahifasiga',
      required: 'To‘ldirilishi shart', loading: 'Yuklanmoqda…', failed: 'Xatolik. Qayta urinib ko‘ring.', none: '—', refresh: 'Yangilash',
      next: 'Keyingi sahifa', prev: 'Oldingi sahifa', page: 'Sahifa', empty: 'Hech narsa topilmadi',
      roleOPERATOR: 'operator', roleADMINISTRATOR: 'administrator',
      e1001: 'Noto‘g‘ri parametr', e1002: 'Parametr yetishmayapti', e3001: 'Noto‘g‘ri qiymat',
      e3002: 'Noma’lum qiymat', e3003: 'Qiymat kiritilmagan', e4005: 'Qayta kiring', e4007: 'Ruxsat yo‘q',
      e4103: 'Shaxsiy hisob topilmadi', e2001: 'Hisoblagich topilmadi',
      e7001: 'Bu seriya raqamli hisoblagich allaqachon ro‘yxatda', e7002: 'Hisoblagich xizmatdan chiqarilgan',
      e7003: 'Tarif versiyasi qabul qilinmadi', e7004: 'Tarif versiyalari sanalari ustma-ust tushadi',
      e7005: 'Tarif versiyasi topilmadi', e7008: 'Faqat operatorlar va administratorlar uchun'
    },
    ru: {
      desk: 'Рабочее место оператора', meters: 'Счётчики', tariffs: 'Тарифы', accounts: 'Лицевые счета', home: 'Главная',
      signOut: 'Выйти', deniedTitle: 'Эта страница для операторов коммунальных служб',
      deniedText: 'У вашей учётной записи нет прав оператора. Счётчиками и тарифами управляют операторы и администраторы.',
      signInFirst: 'Сначала войдите по номеру телефона.', toSignIn: 'На страницу входа',
      required: 'Обязательное поле', loading: 'Загрузка…', failed: 'Ошибка. Попробуйте ещё раз.', none: '—', refresh: 'Обновить',
      next: 'Следующая страница', prev: 'Предыдущая страница', page: 'Страница', empty: 'Ничего не найдено',
      roleOPERATOR: 'оператор', roleADMINISTRATOR: 'администратор',
      e1001: 'Неверный параметр', e1002: 'Не хватает параметра', e3001: 'Неверное значение',
      e3002: 'Неизвестное значение', e3003: 'Значение не указано', e4005: 'Войдите снова', e4007: 'Нет доступа',
      e4103: 'Лицевой счёт не найден', e2001: 'Счётчик не найден',
      e7001: 'Счётчик с таким серийным номером уже зарегистрирован', e7002: 'Счётчик выведен из эксплуатации',
      e7003: 'Версия тарифа отклонена', e7004: 'Периоды версий тарифа пересекаются',
      e7005: 'Версия тарифа не найдена', e7008: 'Только для операторов и администраторов'
    },
    en: {
      desk: 'Operator desk', meters: 'Meters', tariffs: 'Tariffs', accounts: 'Accounts', home: 'Home',
      signOut: 'Sign out', deniedTitle: 'This page is for utility operators',
      deniedText: 'Your account has no operator rights. Meters and tariffs are managed by operators and administrators.',
      signInFirst: 'Please sign in with your phone first.', toSignIn: 'Go to sign-in',
      required: 'Required', loading: 'Loading…', failed: 'Something went wrong. Please try again.', none: '—', refresh: 'Refresh',
      next: 'Next page', prev: 'Previous page', page: 'Page', empty: 'Nothing found',
      roleOPERATOR: 'operator', roleADMINISTRATOR: 'administrator',
      e1001: 'Invalid parameter', e1002: 'Missing parameter', e3001: 'Invalid value',
      e3002: 'Unknown value', e3003: 'Missing value', e4005: 'Please sign in again', e4007: 'Not allowed',
      e4103: 'Account not found', e2001: 'Meter not found',
      e7001: 'A meter with this serial is already registered', e7002: 'The meter is out of service',
      e7003: 'Tariff version rejected', e7004: 'Tariff versions overlap',
      e7005: 'Tariff version not found', e7008: 'Operators and administrators only'
    }
  };

  var DESK_ROLES = { OPERATOR: true, ADMINISTRATOR: true };
  // the households' page keeps language and session in localStorage (docs/security.md): one session for all tabs
  var store = window.localStorage;
  var lang = TEXTS[store.getItem('ek.lang')] ? store.getItem('ek.lang') : 'uz';
  var session = JSON.parse(store.getItem('ek.session') || sessionStorage.getItem('ek.session') || 'null');
  var listeners = [];
  var $ = function (id) { return document.getElementById(id); };

  /** Adds a page's own texts. */
  function texts(more) {
    Object.keys(more).forEach(function (l) {
      Object.keys(more[l]).forEach(function (k) { TEXTS[l][k] = more[l][k]; });
    });
  }

  function t(key) { return TEXTS[lang][key] !== undefined ? TEXTS[lang][key] : key; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return node;
  }

  /** A text in the page's language that follows later switches. */
  function i18n(tag, key, attrs) {
    var node = el(tag, attrs);
    node.setAttribute('data-i18n', key);
    node.textContent = t(key);
    return node;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (n) {
      n.setAttribute('placeholder', t(n.getAttribute('data-i18n-placeholder')));
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    var title = document.querySelector('h1[data-i18n]');
    document.title = (title ? title.textContent + ' — ' : '') + 'e-kommunal';
    listeners.forEach(function (f) { f(lang); });
  }

  /* "2026-01-10T05:00:00Z" -> "10.01.2026 10:00" in Tashkent time (UTC+5 all year). */
  function when(iso) {
    if (!iso) { return t('none'); }
    var d = new Date(Date.parse(iso) + 5 * 3600 * 1000).toISOString();
    return d.slice(8, 10) + '.' + d.slice(5, 7) + '.' + d.slice(0, 4) + ' ' + d.slice(11, 16);
  }

  function day(iso) {
    if (!iso) { return t('none'); }
    var d = String(iso).slice(0, 10).split('-');
    return d[2] + '.' + d[1] + '.' + d[0];
  }

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

  /* ---- The API ---- */

  function saveSession(s) {
    session = s;
    if (s) { store.setItem('ek.session', JSON.stringify(s)); } else { store.removeItem('ek.session'); }
  }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session) { headers.Authorization = 'Bearer ' + session.accessToken; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function api(method, path, body) {
    return call(method, path, body).then(function (r) {
      if (r.status !== 401 || !session) { return r; }
      return call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken }).then(function (rr) {
        if (!rr.ok) { throw new Error('refresh'); }
        return rr.json().then(function (s) { saveSession(s); return call(method, path, body); });
      }).catch(function () { saveSession(null); return r; });
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.detail || json.title || t('failed'));
          e.problem = json;
          e.status = r.status;
          if (r.status === 403 && json.code === 7008) { denied(); }
          if (r.status === 401) { gate(); }
          throw e;
        }
        return json;
      });
    });
  }

  /* ---- Problems next to the field at fault ---- */

  /** The message for a problem: our words for its code, then what the API said. */
  function problemText(e) {
    var p = e.problem || {};
    var ours = p.code && TEXTS[lang]['e' + p.code];
    if (ours && p.detail && ours !== p.detail) { return ours + ': ' + p.detail; }
    return ours || e.message || t('failed');
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(function (n) { n.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
    var box = form.querySelector('.form-error');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /**
   * Shows the problem under the input whose data-field names the problem's field (space-separated
   * names allowed), or in the form's own error box when no input matches.
   */
  function showProblem(form, e) {
    clearProblems(form);
    var field = e.problem && e.problem.field;
    var input = field ? form.querySelector('[data-field~="' + field.replace(/"/g, '') + '"]') : null;
    var text = problemText(e);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      var id = (input.id || 'f') + '-error';
      var note = el('p', { 'class': 'field-error error', id: id, role: 'alert', 'data-for': field }, [text]);
      input.setAttribute('aria-describedby', id);
      var label = input.closest('label') || input;
      label.parentNode.insertBefore(note, label.nextSibling);
      input.focus();
      return;
    }
    var box = form.querySelector('.form-error');
    box.textContent = text;
    box.hidden = false;
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
    var box = form.querySelector('.form-done');
    box.textContent = text;
    box.hidden = !text;
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
    var allowed = !!session && DESK_ROLES[session.user.role] === true;
    $('desk').hidden = !allowed;
    $('denied').hidden = allowed;
    $('denied-sign-in').hidden = !!session;
    $('denied-role').hidden = !session;
    var who = $('who');
    who.textContent = session ? session.user.phone + (DESK_ROLES[session.user.role] ? ' · ' + t('role' + session.user.role) : '') : '';
    $('sign-out').hidden = !session;
    return allowed;
  }

  function signOut() {
    if (session) { call('POST', '/api/v1/auth/logout', { refreshToken: session.refreshToken }).catch(function () {}); }
    saveSession(null);
    window.location.href = '/';
  }

  /** Wires the language buttons and sign-out; runs start() if the caller may use the desk. */
  function page(start) {
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.addEventListener('click', function () {
        lang = b.getAttribute('data-lang');
        store.setItem('ek.lang', lang);
        applyLanguage();
      });
    });
    $('sign-out').addEventListener('click', signOut);
    applyLanguage();
    if (gate()) { start(); }
  }

  window.EkDesk = {
    texts: texts, t: t, el: el, i18n: i18n, when: when, day: day, api: api, page: page,
    tashkentInstant: tashkentInstant, tashkentNow: tashkentNow, showProblem: showProblem,
    clearProblems: clearProblems, done: done, filled: filled, applyLanguage: applyLanguage,
    onLanguage: function (f) { listeners.push(f); },
    role: function () { return session ? session.user.role : null; },
    lang: function () { return lang; }
  };
}());
