/* The households' page: sign-in by phone or OneID, My widgets, linking accounts, consumption chart, receipts.
   Plain JS, no build step; it talks only to this server's /api/v1 (see openapi.yaml). */
(function () {
  'use strict';

  // The shared script (common.js): texts, numbers, the session and the API client, as on every page.
  // Every string this page shows is in app-texts.js (household.js adds its own): Uzbek (Latin), Russian, English.
  var E = window.Ek;
  E.texts(window.EkTexts);

  var DESK_ROLES = { OPERATOR: true, ADMINISTRATOR: true };
  var MONEY_ROLES = { CASHIER: true, OPERATOR: true, ADMINISTRATOR: true };
  // Language and session outlive the tab and the browser (localStorage, see docs/security.md);
  // the desk's pages read the same. `session` is this page's view of it, refreshed from the store.
  var session = E.session();
  var phoneSent = null;
  var $ = function (id) { return document.getElementById(id); };
  var t = E.t, el = E.el, i18n = E.i18n, day = E.day;

  function lang() { return E.lang(); }

  /** A text for a code (a meter type, a utility) or the code itself when there is none. */
  function named(key, code) { return E.has(key) ? t(key) : code; }

  function applyLanguage() {
    E.applyLanguage();
  }

  // after every language change: the title of the view shown, and the code-sent line
  E.onLanguage(function () {
    document.title = t(session ? 'myWidgets' : 'signinTitle') + ' — e-kommunal';
    if (phoneSent) { $('code-sent').textContent = t('codeSent') + phoneSent; }
  });

  function setLanguage(next) {
    var before = lang();
    E.setLanguage(next);
    // amounts, units and names are written into the cards: draw them again in a new language (only
    // then: the profile's language arrives after sign-in, and redrawing would drop what is being typed)
    if (session && lang() !== before) { loadWidgets().catch(function () {}); }
  }

  /* Numbers as the portal prints them: 1 234 567,89 in uz and ru, 1,234,567.89 in en (common.js). */
  function money(text) {
    if (text === null || text === undefined) { return t('none'); }
    var s = String(text), sign = /^[+-]/.test(s) ? s.charAt(0) : '';
    return sign + E.number(s.slice(sign.length));
  }

  function soum(text) { return money(text) + ' ' + t('soum'); }

  var UNITS = {
    uz: { kWh: 'kVt·soat', m3: 'm³', Gcal: 'Gkal', m2: 'm²', 'm2-month': 'm²·oy', 'resident-month': 'kishi·oy', month: 'oy' },
    ru: { kWh: 'кВт·ч', m3: 'м³', Gcal: 'Гкал', m2: 'м²', 'm2-month': 'м²·мес', 'resident-month': 'чел.·мес', month: 'мес' },
    en: { kWh: 'kWh', m3: 'm³', Gcal: 'Gcal', m2: 'm²', 'm2-month': 'm²·month', 'resident-month': 'resident·month', month: 'month' } };
  function unit(code) { return (UNITS[lang()][code]) || code || ''; }

  function show(id, text) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
  }

  /* ---- The API (common.js): Bearer token, one refresh on 401, problems as errors with their detail. ---- */

  function saveSession(s) {
    E.saveSession(s);
    session = E.session();
  }

  function call(method, path, body) {
    return E.call(method, path, body);
  }

  /** E.api; a session that cannot be refreshed any more ends here (back to the sign-in). */
  function api(method, path, body, raw) {
    return E.api(method, path, body, { raw: raw }).then(function (r) {
      session = E.session();
      return r;
    }, function (e) {
      if (e.status === 401 && session && !E.session()) { signOut(); }
      throw e;
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
        field('meter', named('m_' + m.type, m.type) + ' № ' + m.serial),
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
        method: 'PUT', headers: { 'Authorization': 'Bearer ' + E.session().accessToken, 'Content-Type': blob.type },
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

  /** The day before an exclusive end: a period 2026-11-01..2026-12-01 is read "01.11.2026–30.11.2026". */
  function lastDay(iso) {
    return new Date(Date.parse(String(iso).slice(0, 10) + 'T00:00:00Z') - 86400000).toISOString().slice(0, 10);
  }

  /** "200 gacha: 600 so‘m/kVt·soat · 200 dan ortiq: 800 so‘m/kVt·soat (01.11.2026–30.11.2026)". */
  function tariffLine(applied) {
    if (!applied.length) { return ''; }
    var prices = applied.map(function (x) {
      var price = money(x.unitPrice) + ' ' + t('soum') + '/' + unit(x.unit);
      if (x.blockTo) { return t('tariffUpTo').replace('{0}', money(x.blockTo)) + ': ' + price; }
      if (x.blockFrom && Number(x.blockFrom) > 0) { return t('tariffAbove').replace('{0}', money(x.blockFrom)) + ': ' + price; }
      return price;
    }).join(' · ');
    var first = applied[0];
    return prices + ' (' + day(first.from) + '–' + day(lastDay(first.to)) + ')';
  }

  function card(c) {
    if (c.status !== 'ok') {
      return el('article', { 'class': 'card unavailable', 'data-account-id': c.accountId }, [
        i18n('h2', 'unavailable')]);
    }
    var tariffs = tariffLine(c.lastTariff || []);
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
      series.slice(0, 2).forEach(function (s) { box.appendChild(window.EkommunalChart.bars(s, t, unit)); });
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
            utilities.length > 1 ? ' · ' + named('u_' + u.toLowerCase(), u) : '']);
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
    var path = pdf + (pdf.indexOf('?') < 0 ? '?' : '&') + 'lang=' + (lang() === 'ru' ? 'ru' : 'uz');
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
    unit: unit, show: show, reload: loadWidgets, setLanguage: setLanguage, lang: lang,
    strings: E.texts, onLanguage: E.onLanguage };
  if (window.EkHousehold) { window.EkHousehold.start(window.Ekommunal); }
  applyLanguage();
  offerOneId();
  finishOneId();
  route();
}());
