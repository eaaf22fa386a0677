/* The households' page: sign-in by phone or OneID, My widgets, linking accounts, consumption chart, receipts.
   Plain JS, no build step; it talks only to this server's /api/v1 (see openapi.yaml). */
(function () {
  'use strict';

  // Every string the page shows, in one place (app-texts.js): Uzbek (Latin), Russian, English.
  var I18N = window.EkTexts;

  var DESK_ROLES = { OPERATOR: true, ADMINISTRATOR: true };
  var MONEY_ROLES = { CASHIER: true, OPERATOR: true, ADMINISTRATOR: true };
  // Language and session outlive the tab and the browser (localStorage, see docs/security.md);
  // the desk's pages read the same.
  var store = window.localStorage;
  var lang = I18N[store.getItem('ek.lang')] ? store.getItem('ek.lang') : 'uz';
  var session = JSON.parse(store.getItem('ek.session') || sessionStorage.getItem('ek.session') || 'null');
  var languageListeners = [];
  var phoneSent = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = function (key) { return I18N[lang][key] || key; };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return node;
  }

  // A text in the page's language that follows later switches.
  function i18n(tag, key, attrs) {
    var node = el(tag, attrs);
    node.setAttribute('data-i18n', key);
    node.textContent = t(key);
    return node;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-lang]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    document.title = t(session ? 'myWidgets' : 'signinTitle') + ' — e-kommunal';
    languageListeners.forEach(function (f) { f(lang); });
  }

  function setLanguage(next) {
    var before = lang;
    lang = I18N[next] ? next : 'uz';
    store.setItem('ek.lang', lang);
    applyLanguage();
    if (phoneSent) { $('code-sent').textContent = t('codeSent') + phoneSent; }
    // amounts, units and names are written into the cards: draw them again in a new language (only
    // then: the profile's language arrives after sign-in, and redrawing would drop what is being typed)
    if (session && lang !== before) { loadWidgets().catch(function () {}); }
  }

  /* Numbers as the portal prints them: 1 234 567,89 (narrow no-break spaces). */
  function money(text) {
    if (text === null || text === undefined) { return t('none'); }
    var s = String(text), sign = /^[+-]/.test(s) ? s[0] : '';
    var parts = s.replace(/^[+-]/, '').split('.');
    return sign + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + (parts.length > 1 ? ',' + parts[1] : '');
  }

  function soum(text) { return money(text) + ' ' + t('soum'); }

  var UNITS = { uz: { kWh: 'kVt·soat', m3: 'm³', Gcal: 'Gkal', 'm2-month': 'm²·oy' },
    ru: { kWh: 'кВт·ч', m3: 'м³', Gcal: 'Гкал', 'm2-month': 'м²·мес' },
    en: { kWh: 'kWh', m3: 'm³', Gcal: 'Gcal', 'm2-month': 'm²·month' } };
  function unit(code) { return (UNITS[lang][code]) || code || ''; }

  function day(iso) {
    if (!iso) { return t('none'); }
    var d = String(iso).slice(0, 10).split('-');
    return d[2] + '.' + d[1] + '.' + d[0];
  }

  function show(id, text) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
  }

  /* ---- The API: Bearer token, one refresh on 401, problems as errors with their detail. ---- */

  function saveSession(s) {
    session = s;
    sessionStorage.removeItem('ek.session'); // where an older page kept it
    if (s) { store.setItem('ek.session', JSON.stringify(s)); } else { store.removeItem('ek.session'); }
  }

  function call(method, path, body) {
    // the server answers problems in the page's language
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session) { headers.Authorization = 'Bearer ' + session.accessToken; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function refresh() {
    // another tab may have rotated the refresh token already: using the old one again would end the session
    var stored = JSON.parse(store.getItem('ek.session') || 'null');
    if (stored && stored.refreshToken !== session.refreshToken) {
      session = stored;
      return Promise.resolve();
    }
    return call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken }).then(function (r) {
      if (!r.ok) { throw new Error('refresh'); }
      return r.json().then(saveSession);
    });
  }

  function api(method, path, body, raw) {
    return call(method, path, body).then(function (r) {
      if (r.status !== 401 || !session) { return r; }
      return refresh().then(function () { return call(method, path, body); }, function () {
        signOut();
        return r;
      });
    }).then(function (r) {
      if (raw && r.ok) { return r; }
      return r.status === 204 ? null : r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var e = new Error(json.detail || json.title || t('failed'));
          e.problem = json;
          throw e;
        }
        return json;
      });
    });
  }

  /* ---- Sign-in ---- */

  function requestCode(ev) {
    ev.preventDefault();
    var phone = $('phone').value.replace(/[\s()-]/g, '');
    show('signin-error');
    api('POST', '/api/v1/auth/otp', { phone: phone }).then(function (r) {
      phoneSent = r.phone;
      $('code-sent').textContent = t('codeSent') + r.phone;
      $('phone-form').hidden = true;
      $('code-form').hidden = false;
      $('code').focus();
    }, function (e) { show('signin-error', e.message); });
  }

  function verifyCode(ev) {
    ev.preventDefault();
    show('signin-error');
    api('POST', '/api/v1/auth/otp/verify', { phone: phoneSent, code: $('code').value.trim() }).then(function (s) {
      saveSession(s);
      $('code').value = '';
      route();
    }, function (e) { show('signin-error', e.message); });
  }

  function signOut() {
    if (session) { call('POST', '/api/v1/auth/logout', { refreshToken: session.refreshToken }).catch(function () {}); }
    saveSession(null);
    route();
  }

  /* ---- Sign-in by OneID: the button when the server offers it; back from OneID, the address ends in
     #oneid=<hand-off code>, which this browser (its cookie) trades once for a session. ---- */

  function offerOneId() {
    call('GET', '/api/v1/auth/methods').then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (m) { $('oneid').hidden = !m.oneId; }, function () {});
  }

  function finishOneId() {
    var m = /^#oneid=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (!m) { return; }
    // the code is good once: off the address bar and out of the history entry at once
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    api('POST', '/api/v1/auth/oneid/session', { handoff: m[1] }).then(function (s) {
      saveSession(s);
      route();
    }, function (e) { show('signin-error', e.message); });
  }

  /* ---- My widgets ---- */

  function field(labelKey, value, cls) {
    return el('div', { 'class': 'field' + (cls ? ' ' + cls : '') }, [i18n('span', labelKey, { 'class': 'label' }),
      el('span', { 'class': 'value' }, [value])]);
  }

  function balance(b) {
    var box = el('div', { 'class': 'balance ' + b.kind, 'data-kind': b.kind }, [
      i18n('span', 'balance', { 'class': 'label' }),
      el('b', { 'class': 'amount' }, [soum(b.display)]),
      el('span', { 'class': 'as-of' }, [i18n('span', b.kind), ' · ', i18n('span', 'asOf'), ' ' + day(b.date)])
    ]);
    return box;
  }

  function meters(list) {
    return list.map(function (m) {
      var r = m.lastReading;
      return el('div', { 'class': 'meter' }, [
        field('meter', (I18N[lang]['m_' + m.type] || m.type) + ' № ' + m.serial),
        field('lastReading', r ? money(r.value) + ' ' + unit(m.unit) + ' · ' + day(r.date) : t('none')),
        readingForm(m.serial)
      ]);
    });
  }

  /* A household sends its meter's reading (validated by the server; a refusal says why). */
  function readingForm(serial) {
    var input = el('input', { type: 'text', inputmode: 'decimal', required: 'required', 'class': 'reading-value',
      'aria-label': t('readingValue'), placeholder: t('readingValue') });
    var status = el('p', { 'class': 'note reading-status', role: 'status' });
    var photo = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', 'class': 'reading-photo' });
    var form = el('form', { 'class': 'reading-form', 'data-serial': serial }, [input,
      el('label', { 'class': 'note' }, [i18n('span', 'readingPhoto'), photo]),
      i18n('button', 'submitReading', { type: 'submit' }), status]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      status.textContent = '';
      api('POST', '/api/v1/meters/' + encodeURIComponent(serial) + '/readings',
        { value: input.value.trim().replace(',', '.') }).then(function (res) {
        status.textContent = t(res.status === 'held' ? 'readingHeld' : 'readingSaved') + ': ' + res.value;
        status.className = 'note reading-status ok';
        input.value = '';
        if (photo.files && photo.files[0]) {
          var text = status.textContent;
          sendPhoto(serial, res, photo.files[0]).then(function () {
            status.textContent = text + ' · ' + t('photoSaved');
            photo.value = '';
          }, function (e) {
            status.textContent = text + ' · ' + t('photoFailed') + ': ' + e.message;
            status.className = 'note reading-status error';
          });
        }
      }, function (e) {
        status.textContent = e.message;
        status.className = 'note reading-status error';
      });
    });
    return form;
  }

  /* The photo, scaled down on the phone to fit the server's limit (512 KiB), attached to the stored reading. */
  function sendPhoto(serial, reading, file) {
    return shrink(file).then(function (blob) {
      return fetch('/api/v1/meters/' + encodeURIComponent(serial) + '/readings/photo?time='
        + encodeURIComponent(reading.time) + '&register=' + encodeURIComponent(reading.register), {
        method: 'PUT', headers: { 'Authorization': 'Bearer ' + session.accessToken, 'Content-Type': blob.type },
        body: blob
      });
    }).then(function (r) {
      if (r.ok) { return r; }
      return r.json().catch(function () { return {}; }).then(function (p) { throw new Error(p.detail || t('failed')); });
    });
  }

  function shrink(file) {
    if (file.size <= 400 * 1024) { return Promise.resolve(file); }
    return createImageBitmap(file).then(function (image) {
      var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(image.width * scale);
      canvas.height = Math.round(image.height * scale);
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.75); });
    });
  }

  function requisites(p) {
    var r = p.requisites;
    return el('details', { 'class': 'requisites' }, [i18n('summary', 'requisites'),
      el('p', {}, [el('b', {}, [r.name])]), field('director', r.director), field('tel', r.phone),
      field('address', r.address), field('inn', r.inn), field('mfo', r.mfo), field('okonh', r.okonh),
      field('account', r.settlementAccount)]);
  }

  function payButtons(links) {
    return el('div', { 'class': 'pay' }, (links || []).map(function (l) {
      // Payment systems' own pages: leave this site without handing it our window.
      return el('a', { 'class': 'button pay-link', href: l.url, target: '_blank', rel: 'noopener noreferrer',
        'data-system': l.system }, [i18n('span', 'pay'), ' · ' + l.system]);
    }));
  }

  function card(c) {
    if (c.status !== 'ok') {
      return el('article', { 'class': 'card unavailable', 'data-account-id': c.accountId }, [
        i18n('h2', 'unavailable')]);
    }
    var tariffs = (c.lastTariff || []).map(function (x) {
      return money(x.unitPrice) + ' ' + t('soum') + '/' + unit(x.unit) + ' (' + day(x.from) + '–' + day(x.to) + ')';
    }).join('; ');
    var p = c.lastPayment;
    return el('article', { 'class': 'card', 'data-account-id': c.accountId, 'data-number': c.account.number }, [
      el('h2', {}, [i18n('span', 'u_' + c.utility), el('small', {}, [' № ' + c.account.number])]),
      el('p', { 'class': 'note' }, [c.account.holderName + ' · ' + c.account.address]),
      balance(c.balance),
      payButtons(c.payLinks),
      field('lastPayment', p ? day(p.date) + ' · ' + soum(p.amount) + (p.paymentSystem ? ' · ' + p.paymentSystem : '')
        : t('none')),
      el('div', {}, meters(c.meters || [])),
      field('tariff', tariffs || t('none')),
      c.household ? field('household', c.household.residents + ' / ' + money(c.household.heatedArea) + ' m²') : null,
      requisites(c.provider),
      el('section', { 'class': 'consumption' }, [i18n('h3', 'consumption'),
        el('div', { 'class': 'chart-box', id: 'chart-' + c.accountId }, [i18n('p', 'loading', { 'class': 'note' })])]),
      el('section', { 'class': 'receipts' }, [i18n('h3', 'receipts'),
        el('ul', { 'class': 'invoices', id: 'invoices-' + c.accountId }, [])])
    ]);
  }

  function loadWidgets() {
    return api('GET', '/api/v1/me/widgets').then(function (body) {
      var box = $('cards');
      box.textContent = '';
      var cards = body.cards || body.items || body.widgets || [];
      $('no-cards').hidden = cards.length > 0;
      cards.forEach(function (c) {
        box.appendChild(card(c));
        if (c.status === 'ok') {
          loadConsumption(c.accountId);
          loadInvoices(c.accountId);
        }
        if (window.EkHousehold) { window.EkHousehold.extendCard(box.lastChild, c); }
      });
    });
  }

  function loadConsumption(id) {
    api('GET', '/api/v1/accounts/' + id + '/consumption?group_by=day').then(function (body) {
      var box = $('chart-' + id);
      box.textContent = '';
      var series = body.series || [];
      if (!series.length) { box.appendChild(i18n('p', 'noData', { 'class': 'note' })); return; }
      series.slice(0, 2).forEach(function (s) { box.appendChild(window.EkommunalChart.bars(s, t)); });
    }, function (e) { $('chart-' + id).textContent = e.message; });
  }

  function loadInvoices(id) {
    api('GET', '/api/v1/accounts/' + id + '/invoices?limit=3').then(function (body) {
      var list = $('invoices-' + id);
      list.textContent = '';
      if (!body.items.length) { list.appendChild(i18n('li', 'noInvoices', { 'class': 'note empty' })); return; }
      body.items.forEach(function (inv) {
        var a = el('a', { href: inv.pdf, 'class': 'receipt', 'data-pdf': inv.pdf }, [i18n('span', 'receipt'),
          ' ' + inv.number + ' · ' + day(inv.periodStart) + '–' + day(inv.periodEnd) + ' · ' + soum(inv.total)]);
        a.addEventListener('click', openReceipt);
        var item = el('li', {}, [a]);
        // a payment slip per utility the invoice charges, to pay at a bank counter
        var utilities = inv.lines.map(function (l) { return l.utility; })
          .filter(function (u, i, all) { return all.indexOf(u) === i; });
        utilities.forEach(function (u) {
          var path = '/api/v1/accounts/' + id + '/invoices/' + inv.id + '/payment-slip.pdf?utility=' + u.toLowerCase();
          var slip = el('a', { href: path, 'class': 'slip', 'data-pdf': path }, [i18n('span', 'slip'),
            utilities.length > 1 ? ' · ' + (I18N[lang]['u_' + u.toLowerCase()] || u) : '']);
          slip.addEventListener('click', openReceipt);
          item.appendChild(el('br'));
          item.appendChild(slip);
        });
        list.appendChild(item);
      });
    });
  }

  // The PDF needs the Bearer token, so fetch it and open what came back.
  function openReceipt(ev) {
    ev.preventDefault();
    var pdf = ev.currentTarget.getAttribute('data-pdf');
    var path = pdf + (pdf.indexOf('?') < 0 ? '?' : '&') + 'lang=' + (lang === 'ru' ? 'ru' : 'uz');
    var tab = window.open('', '_blank');
    api('GET', path, undefined, true).then(function (r) { return r.blob(); }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      if (tab) { tab.location.href = url; } else { window.location.href = url; }
    }, function (e) { if (tab) { tab.close(); } window.alert(e.message); });
  }

  function linkAccount(ev) {
    ev.preventDefault();
    show('link-error');
    $('link-submit').disabled = true;
    // as printed: "1 000 002" is 1000002
    api('POST', '/api/v1/me/accounts', { utility: $('link-utility').value,
      number: $('link-number').value.replace(/[\s\u00a0]+/g, ''), code: $('link-code').value.trim() })
      .then(function () {
        $('link-number').value = '';
        $('link-code').value = '';
        return loadWidgets();
      }, function (e) { show('link-error', e.message); })
      .then(function () { $('link-submit').disabled = false; });
  }

  /* ---- Which view ---- */

  function route() {
    $('signin').hidden = !!session;
    $('home').hidden = !session;
    if (!session) {
      $('desk-links').hidden = true;
      $('money-links').hidden = true;
      $('phone-form').hidden = false;
      $('code-form').hidden = true;
      return;
    }
    $('who').textContent = session.user.phone;
    applyLanguage();
    if (window.EkHousehold) { window.EkHousehold.signedIn(); }
    // Only a hint: the desk's pages and API check the role again.
    $('desk-links').hidden = !DESK_ROLES[session.user.role];
    $('money-links').hidden = !MONEY_ROLES[session.user.role];
    $('to-officer-desk').hidden = ['COMPLAINTS_OFFICER', 'ADMINISTRATOR'].indexOf(session.user.role) < 0;
    loadWidgets().catch(function (e) { show('link-error', e.message); });
  }

  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { setLanguage(b.getAttribute('data-lang')); });
  });
  $('phone-form').addEventListener('submit', requestCode);
  $('code-form').addEventListener('submit', verifyCode);
  $('change-phone').addEventListener('click', function () { phoneSent = null; route(); });
  $('sign-out').addEventListener('click', signOut);
  $('link-form').addEventListener('submit', linkAccount);
  // What the household's other views (household.js) share with this one.
  window.Ekommunal = { api: api, t: t, el: el, i18n: i18n, field: field, money: money, soum: soum, day: day,
    unit: unit, show: show, reload: loadWidgets, setLanguage: setLanguage, lang: function () { return lang; },
    strings: function (more) { Object.keys(more).forEach(function (l) { Object.assign(I18N[l], more[l]); }); },
    onLanguage: function (f) { languageListeners.push(f); } };
  if (window.EkHousehold) { window.EkHousehold.start(window.Ekommunal); }
  applyLanguage();
  offerOneId();
  finishOneId();
  route();
}());
