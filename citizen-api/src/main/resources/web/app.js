/* The households' page: sign-in by phone or OneID, My widgets, linking accounts, consumption chart, receipts.
   Plain JS, no build step; it talks only to this server's /api/v1 (see openapi.yaml). */
(function () {
  'use strict';

  // Every string the page shows, in one place: Uzbek (Latin), Russian, English.
  var I18N = {
    uz: {
      appealsLink: 'Murojaatlar: shikoyat, taklif, savol', questionsLink: 'Savol va javoblar', officerDeskLink: 'Murojaatlar navbati (xodimlar uchun)',
      deskTitle: 'Operator ish joyi', deskMeters: 'Hisoblagichlar: ro‘yxatga olish, bog‘lash, almashtirish', deskTariffs: 'Tarif versiyalari', moneyTitle: 'Kassa va hisobotlar', deskCashier: 'Kassa: toʻlov qabul qilish, kvitansiya, bekor qilish', deskReports: 'Hisobotlar: tushum, qarzlar, isteʼmol', deskAccounts: 'Shaxsiy hisoblar: ochish, egasi, oila ma’lumotlari, yopish',
      signinTitle: 'Telefon raqami bilan kirish', phone: 'Mobil telefon raqami', sendCode: 'Kod yuborish',
      code: 'SMS orqali kelgan kod', signIn: 'Kirish', changePhone: 'Boshqa raqam', codeSent: 'Kod yuborildi: ',
      oneId: 'OneID orqali kirish',
      myWidgets: 'Mening vidjetlarim', signOut: 'Chiqish', noCards: 'Hali shaxsiy hisob raqami bog‘lanmagan.',
      linkTitle: 'Shaxsiy hisob raqamini bog‘lash', utility: 'Xizmat', accountNumber: 'Shaxsiy hisob raqami',
      linkCode: 'Ulash kodi',
      linkCodeHint: 'Ulash kodi har bir hisob-kvitansiya va to‘lov varaqasining pastida bosilgan (8 belgi, masalan K7QM-2XPA). Kvitansiya yo‘qolgan bo‘lsa, xizmat ko‘rsatuvchining idorasi kodni aytib beradi yoki yangisini beradi.',
      link: 'Bog‘lash', calculator: 'Qancha to‘layman? (kalkulyator)', tariffs: 'Tariflar',
      balance: 'Balans', asOf: 'holatiga', prepayment: 'oldindan to‘lov', debt: 'qarzdorlik', settled: 'qarz yo‘q',
      submitReading: 'Ko‘rsatkichni yuborish', readingValue: 'Hisoblagichdagi raqam', readingSaved: 'Ko‘rsatkich qabul qilindi', readingHeld: 'Ko‘rsatkich qabul qilindi, operator tekshiradi',
      readingPhoto: 'Hisoblagich surati (ixtiyoriy)', photoSaved: 'surat qo‘shildi', photoFailed: 'surat qo‘shilmadi',
      lastPayment: 'Oxirgi to‘lov', none: '—', meter: 'Hisoblagich', lastReading: 'Oxirgi ko‘rsatkich',
      tariff: 'Oxirgi tarif', household: 'Yashovchilar / isitiladigan maydon', requisites: 'Yetkazib beruvchi rekvizitlari',
      director: 'Rahbar', tel: 'Telefon', address: 'Manzil', inn: 'STIR (INN)', mfo: 'MFO', okonh: 'OKONX',
      account: 'Hisob raqami', pay: 'To‘lash', consumption: 'Iste’mol, oxirgi 30 kun', estimated: 'taxminiy',
      noData: 'Ko‘rsatkichlar yo‘q', receipts: 'Kvitansiyalar', noInvoices: 'Hisob-fakturalar hali yo‘q',
      receipt: 'Kvitansiya (PDF)', slip: 'To‘lov varaqasi (PDF)', unavailable: 'Ma’lumot vaqtincha mavjud emas', loading: 'Yuklanmoqda…',
      failed: 'Xatolik. Qayta urinib ko‘ring.', holder: 'Egasi',
      u_electricity: 'Elektr energiyasi', u_gas: 'Tabiiy gaz', u_cold_water: 'Sovuq suv',
      u_hot_water_heating: 'Issiq suv va isitish', u_garbage: 'Chiqindi', u_single_billing: 'Yagona hisob'
    },
    ru: {
      appealsLink: 'Обращения: жалоба, предложение, вопрос', questionsLink: 'Вопросы и ответы', officerDeskLink: 'Очередь обращений (для сотрудников)',
      deskTitle: 'Рабочее место оператора', deskMeters: 'Счётчики: регистрация, привязка, замена', deskTariffs: 'Версии тарифов', moneyTitle: 'Касса и отчёты', deskCashier: 'Касса: приём платежей, квитанции, отмена', deskReports: 'Отчёты: поступления, долги, потребление', deskAccounts: 'Лицевые счета: открытие, владелец, сведения о семье, закрытие',
      signinTitle: 'Вход по номеру телефона', phone: 'Номер мобильного телефона', sendCode: 'Получить код',
      code: 'Код из SMS', signIn: 'Войти', changePhone: 'Другой номер', codeSent: 'Код отправлен на ',
      oneId: 'Войти через OneID',
      myWidgets: 'Мои виджеты', signOut: 'Выйти', noCards: 'Лицевые счета ещё не привязаны.',
      linkTitle: 'Привязать лицевой счёт', utility: 'Услуга', accountNumber: 'Номер лицевого счёта',
      linkCode: 'Код привязки',
      linkCodeHint: 'Код привязки напечатан внизу каждой квитанции и платёжного извещения (8 знаков, например K7QM-2XPA). Если квитанции нет, его назовёт или выдаст заново офис поставщика.',
      link: 'Привязать', calculator: 'Сколько я заплачу? (калькулятор)', tariffs: 'Тарифы',
      balance: 'Баланс', asOf: 'на', prepayment: 'переплата', debt: 'задолженность', settled: 'долга нет',
      submitReading: 'Передать показание', readingValue: 'Число на счётчике', readingSaved: 'Показание принято', readingHeld: 'Показание принято, его проверит оператор',
      readingPhoto: 'Фото счётчика (необязательно)', photoSaved: 'фото приложено', photoFailed: 'фото не приложено',
      lastPayment: 'Последний платёж', none: '—', meter: 'Счётчик', lastReading: 'Последнее показание',
      tariff: 'Последний тариф', household: 'Жильцов / отапливаемая площадь', requisites: 'Реквизиты поставщика',
      director: 'Руководитель', tel: 'Телефон', address: 'Адрес', inn: 'ИНН', mfo: 'МФО', okonh: 'ОКОНХ',
      account: 'Лицевой счёт', pay: 'Оплатить', consumption: 'Потребление за 30 дней', estimated: 'оценка',
      noData: 'Показаний нет', receipts: 'Квитанции', noInvoices: 'Счетов пока нет',
      receipt: 'Квитанция (PDF)', slip: 'Платёжное извещение (PDF)', unavailable: 'Данные временно недоступны', loading: 'Загрузка…',
      failed: 'Ошибка. Попробуйте ещё раз.', holder: 'Владелец',
      u_electricity: 'Электроэнергия', u_gas: 'Природный газ', u_cold_water: 'Холодная вода',
      u_hot_water_heating: 'Горячая вода и отопление', u_garbage: 'Вывоз мусора', u_single_billing: 'Единый счёт'
    },
    en: {
      appealsLink: 'Appeals: complaint, proposal, question', questionsLink: 'Questions and answers', officerDeskLink: 'Appeals queue (for officers)',
      deskTitle: 'Operator desk', deskMeters: 'Meters: register, link, replace', deskTariffs: 'Tariff versions', moneyTitle: 'Cashier desk and reports', deskCashier: 'Cashier desk: take payments, receipts, cancel', deskReports: 'Reports: collections, debts, consumption', deskAccounts: 'Personal accounts: open, holder, household facts, close',
      signinTitle: 'Sign in with your phone', phone: 'Mobile phone number', sendCode: 'Send code',
      code: 'Code from the SMS', signIn: 'Sign in', changePhone: 'Another number', codeSent: 'Code sent to ',
      oneId: 'Sign in with OneID',
      myWidgets: 'My widgets', signOut: 'Sign out', noCards: 'No personal accounts linked yet.',
      linkTitle: 'Link a personal account', utility: 'Utility', accountNumber: 'Personal account number',
      linkCode: 'Link code',
      linkCodeHint: 'The link code is printed at the bottom of every receipt and payment slip (8 characters, e.g. K7QM-2XPA). Lost the receipt? The provider’s office tells it again or issues a new one.',
      link: 'Link', calculator: 'How much will I pay? (calculator)', tariffs: 'Tariffs',
      balance: 'Balance', asOf: 'as of', prepayment: 'prepaid', debt: 'debt', settled: 'settled',
      submitReading: 'Send reading', readingValue: 'The number on the meter', readingSaved: 'Reading received', readingHeld: 'Reading received; an operator will check it',
      readingPhoto: 'Photo of the meter (optional)', photoSaved: 'photo attached', photoFailed: 'photo not attached',
      lastPayment: 'Last payment', none: '—', meter: 'Meter', lastReading: 'Last reading',
      tariff: 'Last tariff', household: 'Residents / heated area', requisites: 'Provider requisites',
      director: 'Director', tel: 'Phone', address: 'Address', inn: 'Tax id (INN)', mfo: 'Bank code (MFO)', okonh: 'OKONH',
      account: 'Account', pay: 'Pay', consumption: 'Consumption, last 30 days', estimated: 'estimated',
      noData: 'No readings', receipts: 'Receipts', noInvoices: 'No invoices yet',
      receipt: 'Receipt (PDF)', slip: 'Payment slip (PDF)', unavailable: 'Temporarily unavailable', loading: 'Loading…',
      failed: 'Something went wrong. Please try again.', holder: 'Holder',
      u_electricity: 'Electricity', u_gas: 'Natural gas', u_cold_water: 'Cold water',
      u_hot_water_heating: 'Hot water and heating', u_garbage: 'Garbage', u_single_billing: 'Single bill'
    }
  };

  var DESK_ROLES = { OPERATOR: true, ADMINISTRATOR: true };
  var MONEY_ROLES = { CASHIER: true, OPERATOR: true, ADMINISTRATOR: true };
  var lang = I18N[sessionStorage.getItem('ek.lang')] ? sessionStorage.getItem('ek.lang') : 'uz';
  var session = JSON.parse(sessionStorage.getItem('ek.session') || 'null');
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
    document.title = t('myWidgets') + ' — e-kommunal';
  }

  /* Numbers as the portal prints them: 1 234 567,89 (narrow no-break spaces). */
  function money(text) {
    if (text === null || text === undefined) { return t('none'); }
    var s = String(text), sign = /^[+-]/.test(s) ? s[0] : '';
    var parts = s.replace(/^[+-]/, '').split('.');
    return sign + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + (parts.length > 1 ? ',' + parts[1] : '');
  }

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
    if (s) { sessionStorage.setItem('ek.session', JSON.stringify(s)); } else { sessionStorage.removeItem('ek.session'); }
  }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session) { headers.Authorization = 'Bearer ' + session.accessToken; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function refresh() {
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
      el('b', { 'class': 'amount' }, [money(b.display) + ' so‘m']),
      el('span', { 'class': 'as-of' }, [i18n('span', b.kind), ' · ', i18n('span', 'asOf'), ' ' + day(b.date)])
    ]);
    return box;
  }

  function meters(list) {
    return list.map(function (m) {
      var r = m.lastReading;
      return el('div', { 'class': 'meter' }, [
        field('meter', m.type + ' № ' + m.serial),
        field('lastReading', r ? money(r.value) + ' ' + (m.unit || '') + ' · ' + day(r.date) : t('none')),
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
        i18n('h2', 'unavailable'), el('p', { 'class': 'note' }, [c.message || ''])]);
    }
    var tariffs = (c.lastTariff || []).map(function (x) {
      return money(x.unitPrice) + ' so‘m/' + x.unit + ' (' + day(x.from) + '–' + day(x.to) + ')';
    }).join('; ');
    var p = c.lastPayment;
    return el('article', { 'class': 'card', 'data-account-id': c.accountId, 'data-number': c.account.number }, [
      el('h2', {}, [i18n('span', 'u_' + c.utility), el('small', {}, [' № ' + c.account.number])]),
      el('p', { 'class': 'note' }, [c.account.holderName + ' · ' + c.account.address]),
      balance(c.balance),
      payButtons(c.payLinks),
      field('lastPayment', p ? day(p.date) + ' · ' + money(p.amount) + ' so‘m' + (p.paymentSystem ? ' · ' + p.paymentSystem : '')
        : t('none')),
      el('div', {}, meters(c.meters || [])),
      field('tariff', tariffs || t('none')),
      c.household ? field('household', c.household.residents + ' / ' + c.household.heatedArea + ' m²') : null,
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
          ' ' + inv.number + ' · ' + day(inv.periodStart) + '–' + day(inv.periodEnd) + ' · ' + money(inv.total) + ' so‘m']);
        a.addEventListener('click', openReceipt);
        var item = el('li', {}, [a]);
        // a payment slip per utility the invoice charges, to pay at a bank counter
        var utilities = inv.lines.map(function (l) { return l.utility; })
          .filter(function (u, i, all) { return all.indexOf(u) === i; });
        utilities.forEach(function (u) {
          var path = '/api/v1/accounts/' + id + '/invoices/' + inv.id + '/payment-slip.pdf?utility=' + u.toLowerCase();
          var slip = el('a', { href: path, 'class': 'slip', 'data-pdf': path }, [i18n('span', 'slip'),
            utilities.length > 1 ? ' · ' + u.toLowerCase().replace(/_/g, ' ') : '']);
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
    api('POST', '/api/v1/me/accounts', { utility: $('link-utility').value, number: $('link-number').value.trim(),
      code: $('link-code').value.trim() })
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
    // Only a hint: the desk's pages and API check the role again.
    $('desk-links').hidden = !DESK_ROLES[session.user.role];
    $('money-links').hidden = !MONEY_ROLES[session.user.role];
    $('to-officer-desk').hidden = ['COMPLAINTS_OFFICER', 'ADMINISTRATOR'].indexOf(session.user.role) < 0;
    loadWidgets().catch(function (e) { show('link-error', e.message); });
  }

  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () {
      lang = b.getAttribute('data-lang');
      sessionStorage.setItem('ek.lang', lang);
      applyLanguage();
      if (phoneSent) { $('code-sent').textContent = t('codeSent') + phoneSent; }
    });
  });
  $('phone-form').addEventListener('submit', requestCode);
  $('code-form').addEventListener('submit', verifyCode);
  $('change-phone').addEventListener('click', function () { phoneSent = null; route(); });
  $('sign-out').addEventListener('click', signOut);
  $('link-form').addEventListener('submit', linkAccount);
  applyLanguage();
  offerOneId();
  finishOneId();
  route();
}());
