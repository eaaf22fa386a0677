/* The household's own views beside My widgets: profile, My service providers, each account's payment
   and balance history with a chart, paying any amount, unlinking, and help to link (region and
   provider, the number's format and where it is printed). Uses what app.js shares (window.Ekommunal). */
(function () {
  'use strict';

  var REGIONS = ['TASHKENT_CITY', 'TASHKENT_REGION', 'ANDIJAN', 'BUKHARA', 'FERGANA', 'JIZZAKH', 'KASHKADARYA',
    'KHOREZM', 'NAMANGAN', 'NAVOI', 'SAMARKAND', 'SIRDARYA', 'SURKHANDARYA', 'KARAKALPAKSTAN'];
  // Digits of an account number by utility, as AccountNumbers checks them (0: the provider's own format).
  var DIGITS = { electricity: 7, gas: 8, hot_water_heating: 11, cold_water: 6, garbage: 0 };

  var STRINGS = {
    uz: {
      tabWidgets: 'Vidjetlar', tabProfile: 'Profil', tabProviders: 'Xizmat koʻrsatuvchilarim',
      profileTitle: 'Profil', name: 'Ism va familiya', email: 'Elektron pochta', homeAddress: 'Yashash manzili',
      region: 'Hudud', district: 'Tuman', language: 'Til', save: 'Saqlash', saved: 'Saqlandi',
      profileNote: 'Ism va manzil toʻlov varaqasida bosiladi.', chooseRegion: '— hududni tanlang —',
      providersTitle: 'Xizmat koʻrsatuvchilarim', providersByAddress: 'Profildagi manzil boʻyicha',
      providersByAccounts: 'Bogʻlangan hisoblar boʻyicha; aniqroq roʻyxat uchun profilda hududni koʻrsating',
      noProviders: 'Xizmat koʻrsatuvchilar topilmadi', provider: 'Xizmat koʻrsatuvchi', anyProvider: '— ixtiyoriy —',
      history: 'Toʻlovlar va balans tarixi', payments: 'Toʻlovlar', noPayments: 'Toʻlovlar yoʻq',
      balanceChart: 'Har bir yozuvdan keyingi balans', entries: 'Yozuvlar',
      k_CHARGE: 'Hisoblandi', k_PAYMENT: 'Toʻlov', k_SUBSIDY: 'Subsidiya', k_CORRECTION: 'Tuzatish', k_REVERSAL: 'Bekor qilish',
      payAmount: 'Toʻlov summasi', toPay: 'Toʻlovga oʻtish', payWith: 'Toʻlash:', unlink: 'Hisobni olib tashlash',
      unlinkConfirm: 'Bu shaxsiy hisob roʻyxatingizdan olib tashlansinmi?',
      formatHint: '{u}: shaxsiy hisob raqami {n} ta raqamdan iborat.', formatHintOwn: '{u}: raqam xizmat koʻrsatuvchining oʻz formatida.',
      whereHint: 'Raqam kvitansiyaning yuqori qismida «Shaxsiy hisob raqami» yonida bosilgan. Boʻsh joy bilan yozsangiz ham boʻladi: 1 000 002.',
      r_TASHKENT_CITY: 'Toshkent shahri', r_TASHKENT_REGION: 'Toshkent viloyati', r_ANDIJAN: 'Andijon viloyati',
      r_BUKHARA: 'Buxoro viloyati', r_FERGANA: 'Fargʻona viloyati', r_JIZZAKH: 'Jizzax viloyati',
      r_KASHKADARYA: 'Qashqadaryo viloyati', r_KHOREZM: 'Xorazm viloyati', r_NAMANGAN: 'Namangan viloyati',
      r_NAVOI: 'Navoiy viloyati', r_SAMARKAND: 'Samarqand viloyati', r_SIRDARYA: 'Sirdaryo viloyati',
      r_SURKHANDARYA: 'Surxondaryo viloyati', r_KARAKALPAKSTAN: 'Qoraqalpogʻiston Respublikasi'
    },
    ru: {
      tabWidgets: 'Виджеты', tabProfile: 'Профиль', tabProviders: 'Мои поставщики услуг',
      profileTitle: 'Профиль', name: 'Имя и фамилия', email: 'Электронная почта', homeAddress: 'Адрес проживания',
      region: 'Регион', district: 'Район', language: 'Язык', save: 'Сохранить', saved: 'Сохранено',
      profileNote: 'Имя и адрес печатаются в платёжном извещении.', chooseRegion: '— выберите регион —',
      providersTitle: 'Мои поставщики услуг', providersByAddress: 'По адресу из профиля',
      providersByAccounts: 'По привязанным счетам; чтобы список был точнее, укажите регион в профиле',
      noProviders: 'Поставщики не найдены', provider: 'Поставщик', anyProvider: '— любой —',
      history: 'История платежей и баланса', payments: 'Платежи', noPayments: 'Платежей нет',
      balanceChart: 'Баланс после каждой записи', entries: 'Записи',
      k_CHARGE: 'Начислено', k_PAYMENT: 'Платёж', k_SUBSIDY: 'Субсидия', k_CORRECTION: 'Перерасчёт', k_REVERSAL: 'Отмена',
      payAmount: 'Сумма платежа', toPay: 'Перейти к оплате', payWith: 'Оплатить:', unlink: 'Отвязать счёт',
      unlinkConfirm: 'Отвязать этот лицевой счёт?',
      formatHint: '{u}: номер лицевого счёта — {n} цифр.', formatHintOwn: '{u}: номер в собственном формате поставщика.',
      whereHint: 'Номер напечатан вверху квитанции рядом со словами «Лицевой счёт». Можно вводить с пробелами: 1 000 002.',
      r_TASHKENT_CITY: 'г. Ташкент', r_TASHKENT_REGION: 'Ташкентская область', r_ANDIJAN: 'Андижанская область',
      r_BUKHARA: 'Бухарская область', r_FERGANA: 'Ферганская область', r_JIZZAKH: 'Джизакская область',
      r_KASHKADARYA: 'Кашкадарьинская область', r_KHOREZM: 'Хорезмская область', r_NAMANGAN: 'Наманганская область',
      r_NAVOI: 'Навоийская область', r_SAMARKAND: 'Самаркандская область', r_SIRDARYA: 'Сырдарьинская область',
      r_SURKHANDARYA: 'Сурхандарьинская область', r_KARAKALPAKSTAN: 'Республика Каракалпакстан'
    },
    en: {
      tabWidgets: 'Widgets', tabProfile: 'Profile', tabProviders: 'My service providers',
      profileTitle: 'Profile', name: 'Full name', email: 'E-mail', homeAddress: 'Home address',
      region: 'Region', district: 'District', language: 'Language', save: 'Save', saved: 'Saved',
      profileNote: 'The name and address are printed on the payment slip.', chooseRegion: '— choose a region —',
      providersTitle: 'My service providers', providersByAddress: 'By the address in your profile',
      providersByAccounts: 'By your linked accounts; give your region in the profile for a closer list',
      noProviders: 'No providers found', provider: 'Provider', anyProvider: '— any —',
      history: 'Payment and balance history', payments: 'Payments', noPayments: 'No payments',
      balanceChart: 'Balance after each entry', entries: 'Entries',
      k_CHARGE: 'Charged', k_PAYMENT: 'Payment', k_SUBSIDY: 'Subsidy', k_CORRECTION: 'Correction', k_REVERSAL: 'Reversal',
      payAmount: 'Amount to pay', toPay: 'Go to payment', payWith: 'Pay with:', unlink: 'Unlink account',
      unlinkConfirm: 'Unlink this personal account?',
      formatHint: '{u}: the account number has {n} digits.', formatHintOwn: '{u}: the number is in the provider’s own format.',
      whereHint: 'The number is printed at the top of the receipt, beside “Personal account”. Spaces are fine: 1 000 002.',
      r_TASHKENT_CITY: 'Tashkent city', r_TASHKENT_REGION: 'Tashkent region', r_ANDIJAN: 'Andijan region',
      r_BUKHARA: 'Bukhara region', r_FERGANA: 'Fergana region', r_JIZZAKH: 'Jizzakh region',
      r_KASHKADARYA: 'Kashkadarya region', r_KHOREZM: 'Khorezm region', r_NAMANGAN: 'Namangan region',
      r_NAVOI: 'Navoi region', r_SAMARKAND: 'Samarkand region', r_SIRDARYA: 'Sirdarya region',
      r_SURKHANDARYA: 'Surkhandarya region', r_KARAKALPAKSTAN: 'Republic of Karakalpakstan'
    }
  };

  var E;
  var $ = function (id) { return document.getElementById(id); };

  function fill(select, items, blankKey) {
    select.textContent = '';
    if (blankKey) { select.appendChild(E.i18n('option', blankKey, { value: '' })); }
    items.forEach(function (i) { select.appendChild(i.key ? E.i18n('option', i.key, { value: i.value }) : E.el('option', { value: i.value }, [i.text])); });
  }

  /* ---- Tabs: widgets, profile, providers ---- */

  function showTab(name) {
    ['widgets', 'profile', 'providers'].forEach(function (n) {
      $('view-' + n).hidden = n !== name;
      $('tab-' + n).setAttribute('aria-current', String(n === name));
    });
    if (name === 'providers') { loadProviders(); }
  }

  /* ---- Profile ---- */

  var profile = null;

  function loadProfile() {
    return E.api('GET', '/api/v1/me').then(function (me) {
      profile = me;
      $('pf-name').value = me.name || '';
      $('pf-email').value = me.email || '';
      $('pf-address').value = me.address || '';
      $('pf-region').value = me.region || '';
      $('pf-district').value = me.district || '';
      $('pf-language').value = me.language || E.lang();
      // the language chosen in the profile follows the person to a new browser
      if (me.language && me.language !== E.lang()) { E.setLanguage(me.language); }
    });
  }

  function saveProfile(ev) {
    ev.preventDefault();
    E.show('pf-status');
    var body = { name: $('pf-name').value.trim() || null, email: $('pf-email').value.trim() || null,
      address: $('pf-address').value.trim() || null, region: $('pf-region').value || null,
      district: $('pf-district').value.trim() || null, language: $('pf-language').value };
    E.api('PUT', '/api/v1/me', body).then(function (me) {
      profile = me;
      if (me.language && me.language !== E.lang()) { E.setLanguage(me.language); }
      $('pf-status').className = 'note ok';
      E.show('pf-status', E.t('saved'));
    }, function (e) {
      $('pf-status').className = 'error';
      E.show('pf-status', e.message);
    });
  }

  /* ---- My service providers ---- */

  function providerCard(p) {
    var r = p.requisites;
    return E.el('article', { 'class': 'panel provider', 'data-provider': p.code }, [
      E.el('h3', {}, [r.name]),
      E.el('p', { 'class': 'note' }, [E.t('u_' + p.utility) + ' · ' + E.t('r_' + p.region) + (p.district ? ', ' + p.district : '')]),
      E.field('tel', r.phone), E.field('address', r.address), E.field('inn', r.inn), E.field('mfo', r.mfo),
      E.field('account', r.settlementAccount)]);
  }

  function loadProviders() {
    var box = $('providers-list');
    E.api('GET', '/api/v1/me/providers').then(function (body) {
      box.textContent = '';
      box.appendChild(E.i18n('p', body.source === 'address' ? 'providersByAddress' : 'providersByAccounts', { 'class': 'note' }));
      if (!body.items.length) { box.appendChild(E.i18n('p', 'noProviders', { 'class': 'note empty' })); }
      body.items.forEach(function (p) { box.appendChild(providerCard(p)); });
    }, function (e) { box.textContent = e.message; });
  }

  /* ---- Linking: region, provider, the number's format and where it is printed ---- */

  function linkHint() {
    var u = $('link-utility').value;
    var n = DIGITS[u];
    var text = E.t(n ? 'formatHint' : 'formatHintOwn').replace('{u}', E.t('u_' + u)).replace('{n}', n);
    $('link-format').textContent = text;
  }

  function regionChosen() {
    var region = $('link-region').value;
    var select = $('link-provider');
    if (!region) { fill(select, [], 'anyProvider'); return; }
    E.api('GET', '/api/v1/me/providers?region=' + encodeURIComponent(region)).then(function (body) {
      fill(select, body.items.map(function (p) {
        return { value: p.utility, text: p.requisites.name + ' · ' + E.t('u_' + p.utility) };
      }), 'anyProvider');
    });
  }

  function providerChosen() {
    var utility = $('link-provider').value;
    if (utility && DIGITS.hasOwnProperty(utility)) { $('link-utility').value = utility; }
    linkHint();
  }

  /* ---- Each card: pay any amount, history with a chart, unlink ---- */

  function payForm(c) {
    var debt = c.balance && c.balance.kind === 'debt' ? String(c.balance.display).replace(/^[+-]/, '') : '';
    var input = E.el('input', { type: 'text', inputmode: 'decimal', 'class': 'pay-amount', value: debt ? E.money(debt) : '',
      'aria-label': E.t('payAmount') });
    var links = E.el('div', { 'class': 'pay pay-choices' });
    var status = E.el('p', { 'class': 'error pay-status', role: 'alert', hidden: 'hidden' });
    var form = E.el('form', { 'class': 'pay-form', novalidate: 'novalidate' }, [
      E.el('label', {}, [E.i18n('span', 'payAmount'), input]), E.i18n('button', 'toPay', { type: 'submit' }), links, status]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      status.hidden = true;
      links.textContent = '';
      // 1 234 567,89 as typed: spaces out, the comma a point
      var typed = input.value.replace(/[\s\u00a0\u202f]+/g, '');
      var amount = E.lang() === 'en' ? typed.replace(/,/g, '') : typed.replace(',', '.');
      E.api('GET', '/api/v1/accounts/' + encodeURIComponent(c.account.number) + '/pay-links?amount='
        + encodeURIComponent(amount) + '&lang=' + E.lang()).then(function (body) {
        links.appendChild(E.i18n('span', 'payWith', { 'class': 'note' }));
        Object.keys(body.links).forEach(function (system) {
          links.appendChild(E.el('a', { 'class': 'button pay-link', href: body.links[system], target: '_blank',
            rel: 'noopener noreferrer', 'data-system': system }, [system + ' · ' + E.soum(body.amount)]));
        });
      }, function (e) { status.textContent = e.message; status.hidden = false; });
    });
    return form;
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = text; }
    return n;
  }

  /* Bars of the balance after each entry, oldest left: below the line a debt, above it prepaid. */
  function balanceChart(items) {
    var rows = items.slice(0, 24).reverse();
    var values = rows.map(function (r) { return Number(r.balanceAfter); });
    var max = Math.max.apply(null, values.map(Math.abs).concat([1]));
    var w = 320, h = 160, top = 18, mid = h / 2, bw = (w - 20) / Math.max(rows.length, 1);
    var chart = svg('svg', { 'class': 'chart balance-chart', viewBox: '0 0 ' + w + ' ' + h, role: 'img',
      'aria-label': E.t('balanceChart'), 'data-bars': rows.length });
    chart.appendChild(svg('line', { 'class': 'axis', x1: 10, x2: w - 10, y1: mid, y2: mid }));
    rows.forEach(function (r, i) {
      var v = values[i], bh = Math.abs(v) / max * (mid - top);
      chart.appendChild(svg('rect', { 'class': 'bar ' + (v < 0 ? 'debt' : 'credit'), x: 10 + i * bw + 1,
        y: v < 0 ? mid : mid - bh, width: Math.max(bw - 2, 1), height: Math.max(bh, 0.5) }));
    });
    chart.appendChild(svg('text', { x: 10, y: 13 }, '+' + E.money(max.toFixed(2))));
    chart.appendChild(svg('text', { x: 10, y: h - 3 }, '−' + E.money(max.toFixed(2))));
    return E.el('figure', { 'class': 'chart-figure' }, [chart, E.i18n('figcaption', 'balanceChart', { 'class': 'legend' })]);
  }

  function historyList(items, kinds) {
    var list = E.el('ul', { 'class': 'history-list' });
    items.filter(function (r) { return !kinds || kinds.indexOf(r.kind) >= 0; }).slice(0, 12).forEach(function (r) {
      list.appendChild(E.el('li', { 'data-kind': r.kind }, [E.day(r.date) + ' · ', E.i18n('span', 'k_' + r.kind),
        ' · ' + E.soum(r.amount) + ' → ' + E.soum(r.balanceAfter)]));
    });
    return list;
  }

  function history(c) {
    var box = E.el('div', { 'class': 'history-box' }, [E.i18n('p', 'loading', { 'class': 'note' })]);
    var details = E.el('details', { 'class': 'history', 'data-account-id': c.accountId }, [E.i18n('summary', 'history'), box]);
    details.addEventListener('toggle', function () {
      if (!details.open || details.getAttribute('data-loaded')) { return; }
      details.setAttribute('data-loaded', 'true');
      E.api('GET', '/api/v1/accounts/' + c.accountId + '/balance-history?limit=100').then(function (body) {
        box.textContent = '';
        var payments = body.items.filter(function (r) { return r.kind === 'PAYMENT' || r.kind === 'REVERSAL'; });
        box.appendChild(E.i18n('h3', 'payments'));
        box.appendChild(payments.length ? historyList(payments) : E.i18n('p', 'noPayments', { 'class': 'note empty' }));
        box.appendChild(E.i18n('h3', 'balanceChart'));
        box.appendChild(balanceChart(body.items));
        box.appendChild(E.i18n('h3', 'entries'));
        box.appendChild(historyList(body.items));
      }, function (e) { box.textContent = e.message; });
    });
    return details;
  }

  function unlinkButton(c) {
    var b = E.i18n('button', 'unlink', { type: 'button', 'class': 'link unlink', 'data-account-id': c.accountId });
    b.addEventListener('click', function () {
      if (!window.confirm(E.t('unlinkConfirm'))) { return; }
      E.api('DELETE', '/api/v1/me/accounts/' + c.accountId).then(E.reload, function (e) { window.alert(e.message); });
    });
    return b;
  }

  window.EkHousehold = {
    start: function (shared) {
      E = shared;
      E.strings(STRINGS);
      fill($('pf-region'), REGIONS.map(function (r) { return { value: r, key: 'r_' + r }; }), 'chooseRegion');
      fill($('link-region'), REGIONS.map(function (r) { return { value: r, key: 'r_' + r }; }), 'chooseRegion');
      fill($('link-provider'), [], 'anyProvider');
      ['widgets', 'profile', 'providers'].forEach(function (n) {
        $('tab-' + n).addEventListener('click', function () { showTab(n); });
      });
      $('profile-form').addEventListener('submit', saveProfile);
      $('link-region').addEventListener('change', regionChosen);
      $('link-provider').addEventListener('change', providerChosen);
      $('link-utility').addEventListener('change', linkHint);
      E.onLanguage(linkHint);
    },
    signedIn: function () {
      showTab('widgets');
      loadProfile().catch(function () {});
    },
    extendCard: function (article, c) {
      if (c.status !== 'ok') { article.appendChild(unlinkButton(c)); return; }
      article.insertBefore(payForm(c), article.querySelector('.pay').nextSibling);
      if (window.EkMonth) { article.insertBefore(window.EkMonth.section(E, c), article.querySelector('.consumption')); }
      article.appendChild(history(c));
      article.appendChild(unlinkButton(c));
    }
  };
}());
