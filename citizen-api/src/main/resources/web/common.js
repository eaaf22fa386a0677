/* The pages' shared helpers (window.Ek): a small DOM builder, texts in uz/ru/en with the reader's
   language remembered across tabs and visits, the API client (bearer token, one refresh on 401,
   problem+json errors) and numbers, money and dates written the way each language writes them.
   Plain JS, no build step; every page loads it before its own script. */
(function () {
  'use strict';

  var LANGS = ['uz', 'ru', 'en'];
  var TEXTS = {
    uz: {
      failed: 'Xatolik. Qayta urinib ko‘ring.', none: '—', required: 'To‘ldirilishi shart', loading: 'Yuklanmoqda…',
      soum: 'so‘m', e1001: 'Noto‘g‘ri parametr', e1002: 'Parametr yetishmayapti', e3001: 'Noto‘g‘ri qiymat',
      e3002: 'Noma’lum qiymat', e3003: 'Qiymat kiritilmagan', e4005: 'Qayta kiring', e4007: 'Ruxsat yo‘q'
    },
    ru: {
      failed: 'Ошибка. Попробуйте ещё раз.', none: '—', required: 'Обязательное поле', loading: 'Загрузка…',
      soum: 'сум', e1001: 'Неверный параметр', e1002: 'Не хватает параметра', e3001: 'Неверное значение',
      e3002: 'Неизвестное значение', e3003: 'Значение не указано', e4005: 'Войдите снова', e4007: 'Нет доступа'
    },
    en: {
      failed: 'Something went wrong. Please try again.', none: '—', required: 'Required', loading: 'Loading…',
      soum: 'UZS', e1001: 'Invalid parameter', e1002: 'Missing parameter', e3001: 'Invalid value',
      e3002: 'Unknown value', e3003: 'Missing value', e4005: 'Please sign in again', e4007: 'Not allowed'
    }
  };
  var listeners = [];

  /* ---- Storage: the language and the session in localStorage (kept across tabs and visits, see docs/security.md) ---- */

  function stored(key) {
    try {
      return sessionStorage.getItem(key) || localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  /** The tab's own choice first (the households' page keeps one), then the remembered one, then the browser's. */
  function initialLanguage() {
    var l = stored('ek.lang');
    if (LANGS.indexOf(l) >= 0) { return l; }
    var nav = (navigator.language || '').slice(0, 2);
    return nav === 'ru' ? 'ru' : 'uz';
  }

  var lang = initialLanguage();

  function session() {
    try {
      return JSON.parse(stored('ek.session') || 'null');
    } catch (e) {
      return null;
    }
  }

  function saveSession(s) {
    sessionStorage.removeItem('ek.session'); // where older pages kept it
    if (s) { localStorage.setItem('ek.session', JSON.stringify(s)); } else { localStorage.removeItem('ek.session'); }
  }

  /* ---- Texts ---- */

  /** Adds a page's own texts: {uz: {...}, ru: {...}, en: {...}}. */
  function texts(more) {
    Object.keys(more).forEach(function (l) {
      Object.keys(more[l]).forEach(function (k) { TEXTS[l][k] = more[l][k]; });
    });
  }

  /** The text for key in the page's language; {0}, {1}… replaced by the arguments after it. */
  function t(key) {
    var s = TEXTS[lang][key] !== undefined ? TEXTS[lang][key] : key;
    for (var i = 1; i < arguments.length; i++) { s = s.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return s;
  }

  function has(key) { return TEXTS[lang][key] !== undefined; }

  function setLanguage(l) {
    if (LANGS.indexOf(l) < 0) { return; }
    lang = l;
    try {
      localStorage.setItem('ek.lang', l);
      sessionStorage.setItem('ek.lang', l);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
    applyLanguage();
  }

  /** Fills every [data-i18n] text and placeholder, marks the pressed language button, titles the page. */
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (n) {
      n.setAttribute('placeholder', t(n.getAttribute('data-i18n-placeholder')));
    });
    document.querySelectorAll('[data-i18n-label]').forEach(function (n) {
      n.setAttribute('aria-label', t(n.getAttribute('data-i18n-label')));
    });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    var title = document.querySelector('h1[data-i18n]:not([hidden])');
    document.title = (title && title.textContent ? title.textContent + ' — ' : '') + 'e-kommunal';
    listeners.forEach(function (f) { f(lang); });
  }

  /** Wires the [data-lang] buttons. */
  function languageButtons() {
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.addEventListener('click', function () { setLanguage(b.getAttribute('data-lang')); });
    });
  }

  /* ---- DOM ---- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) {
        node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
      }
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

  /* ---- Numbers, money, dates ---- */

  /**
   * A number with exactly this many decimals: "12 345,5" in uz and ru (space groups, comma), "12,345.5"
   * in en. Strings stay exact (the API's decimals); digits are only grouped, never re-rounded.
   */
  function number(value, decimals) {
    if (value === null || value === undefined || value === '') { return t('none'); }
    var s = typeof value === 'number' ? value.toFixed(decimals === undefined ? 0 : decimals) : String(value);
    var negative = s.charAt(0) === '-';
    var parts = (negative ? s.slice(1) : s).split('.');
    var group = lang === 'en' ? ',' : '\u00a0';
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, group);
    var out = whole + (parts[1] ? (lang === 'en' ? '.' : ',') + parts[1] : '');
    return (negative ? '−' : '') + out;
  }

  /** Tiyin (a whole number) as so‘m with two decimals: 1234567 -> "12 345,67 so‘m". */
  function money(tiyin) {
    if (tiyin === null || tiyin === undefined) { return t('none'); }
    var n = Math.abs(tiyin);
    var text = String(Math.floor(n / 100)) + '.' + String(n % 100).padStart(2, '0');
    return number((tiyin < 0 ? '-' : '') + text) + ' ' + t('soum');
  }

  /** "2026-01-10" or an instant -> "10.01.2026" (the date as it stands, no time zone). */
  function day(iso) {
    if (!iso) { return t('none'); }
    var d = String(iso).slice(0, 10).split('-');
    return d[2] + '.' + d[1] + '.' + d[0];
  }

  /** An instant -> "10.01.2026 10:00" in Tashkent time (UTC+5 all year). */
  function when(iso) {
    if (!iso) { return t('none'); }
    var d = new Date(Date.parse(iso) + 5 * 3600 * 1000).toISOString();
    return d.slice(8, 10) + '.' + d.slice(5, 7) + '.' + d.slice(0, 4) + ' ' + d.slice(11, 16);
  }

  /** Today in Tashkent, "2026-12-06". */
  function today() {
    return new Date(Date.now() + 5 * 3600 * 1000).toISOString().slice(0, 10);
  }

  /* ---- The API ---- */

  function call(method, path, body, contentType) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    var s = session();
    var payload = body;
    if (body !== undefined && contentType === undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (contentType) {
      headers['Content-Type'] = contentType;
    }
    if (s) { headers.Authorization = 'Bearer ' + s.accessToken; }
    return fetch(path, { method: method, headers: headers, body: payload });
  }

  /** Refreshes the session once; false when it cannot be (then the session is gone). */
  function refresh() {
    var s = session();
    if (!s) { return Promise.resolve(false); }
    return call('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken }).then(function (r) {
      if (!r.ok) { saveSession(null); return false; }
      return r.json().then(function (fresh) { saveSession(fresh); return true; });
    }, function () { return false; });
  }

  /**
   * Calls the API; resolves with its JSON (null for 204; the Response itself when opts.raw), rejects
   * with an Error carrying .problem (the problem+json), .status and .language (the answer's
   * Content-Language). opts.contentType sends body as it is (a File for an upload).
   */
  function api(method, path, body, opts) {
    opts = opts || {};
    var sent = session();
    return call(method, path, body, opts.contentType).then(function (r) {
      var now = session();
      if (r.status !== 401 || !now) { return r; }
      // another tab may have refreshed the session meanwhile: its refresh token is spent, use what it got
      var rotated = sent && now.accessToken !== sent.accessToken;
      return (rotated ? Promise.resolve(true) : refresh()).then(function (ok) {
        return ok ? call(method, path, body, opts.contentType) : r;
      });
    }).then(function (r) {
      if (opts.raw && r.ok) { return r; }
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.detail || json.title || t('failed'));
          e.problem = json;
          e.status = r.status;
          e.language = (r.headers.get('Content-Language') || '').slice(0, 2);
          throw e;
        }
        return json;
      });
    });
  }

  /**
   * The words for a problem: ours for its code; the server's detail too when it speaks the page's
   * language (or always, with withDetail), so no English sentence lands in an Uzbek page.
   */
  function problemText(e, withDetail) {
    var p = (e && e.problem) || {};
    var ours = p.code && TEXTS[lang]['e' + p.code];
    var detail = p.detail && (withDetail || e.language === lang || (!e.language && lang === 'en')) ? p.detail : null;
    if (ours && detail && ours !== detail) { return ours + ': ' + detail; }
    // a message of our own (e.g. "Required") has no status; a failed fetch says nothing worth showing
    var own = e && e.status === undefined && !(e instanceof TypeError) ? e.message : null;
    return ours || detail || own || t('failed');
  }

  /* ---- Problems next to the field at fault ---- */

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
  function showProblem(form, e, withDetail) {
    clearProblems(form);
    var field = e.problem && e.problem.field;
    var input = field ? form.querySelector('[data-field~="' + field.replace(/"/g, '') + '"]') : null;
    var text = problemText(e, withDetail);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      var id = (input.id || 'f-' + field.replace(/[^a-zA-Z0-9]/g, '')) + '-error';
      var note = el('p', { 'class': 'field-error error', id: id, role: 'alert', 'data-for': field }, [text]);
      input.setAttribute('aria-describedby', id);
      var label = input.tagName === 'FIELDSET' ? input.lastElementChild : input.closest('label') || input;
      label.parentNode.insertBefore(note, label.nextSibling);
      if (input.focus) { input.focus(); }
      return;
    }
    var box = form.querySelector('.form-error');
    box.textContent = text;
    box.hidden = false;
    if (box.scrollIntoView) { box.scrollIntoView({ block: 'nearest' }); }
  }

  /** The form's success line; hidden when text is empty. */
  function done(form, text) {
    var box = form.querySelector('.form-done');
    box.textContent = text || '';
    box.hidden = !text;
  }

  window.Ek = {
    langs: LANGS, lang: function () { return lang; }, setLanguage: setLanguage, applyLanguage: applyLanguage,
    languageButtons: languageButtons, onLanguage: function (f) { listeners.push(f); },
    texts: texts, t: t, has: has, el: el, i18n: i18n,
    textIn: function (l, key) { return TEXTS[l] ? TEXTS[l][key] : undefined; },
    number: number, money: money, day: day, when: when, today: today,
    session: session, saveSession: saveSession, api: api, call: call, problemText: problemText,
    showProblem: showProblem, clearProblems: clearProblems, done: done
  };
}());
