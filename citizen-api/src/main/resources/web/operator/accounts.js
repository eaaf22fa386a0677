/* The operators' accounts page: look a personal account up by number, open one, change its holder and
   address from a day, record household facts (and the household's region and district, within its
   provider's areas) from a day, change the services billed from a day, close it on a day, and see its
   history.
   Talks only to /api/v1/operator/accounts (see openapi.yaml); every change is audited there. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var el = D.el, t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      servicesTitle: 'Xizmatlar', service: 'Xizmat', until: 'Gacha', stillBilled: 'hozir ham', servicesChangeTitle: 'Xizmatlar (sanadan boshlab)', servicesNote: 'Belgilanganlari shu kundan boshlab hisoblanadi; belgilanmaganlari shu kuni to‘xtaydi.', servicesSaved: 'Xizmatlar saqlandi · ', region: 'Viloyat', district: 'Tuman', asBefore: 'avvalgidek', providersArea: 'ta’minotchining hududi',
      accountsTitle: 'Shaxsiy hisoblar', accountNumber: 'Shaxsiy hisob raqami', search: 'Qidirish',
      holder: 'Egasi (F.I.Sh.)', address: 'Manzil', provider: 'Ta’minotchi', choose: 'Ochish', account: 'Hisob',
      holdersTitle: 'Egalari tarixi', factsTitle: 'Oila ma’lumotlari tarixi', from: 'Sanadan',
      residents: 'Yashovchilar', heatedArea: 'Isitiladigan maydon', heatedAreaM2: 'Isitiladigan maydon, m²',
      heating: 'Isitish turi', marks: 'Belgilar', unknown: 'noma’lum', h_central: 'markaziy',
      h_gas_boiler: 'gaz qozoni', h_electric: 'elektr', h_solid_fuel: 'qattiq yoqilg‘i', h_none: 'isitilmaydi',
      needyFamily: 'Kam ta’minlangan oila', electricStove: 'Elektr plita', openedOnIs: 'Ochilgan: ',
      closedOnIs: 'Yopilgan: ', isOpen: 'ochiq', isClosed: 'yopilgan',
      holderTitle: 'Egasi va manzilni o‘zgartirish', validFrom: 'Qaysi sanadan', save: 'Saqlash',
      factsChangeTitle: 'Oila ma’lumotlarini yozish', closeTitle: 'Hisobni yopish',
      closeNote: 'Hisob yopilgan kungacha hisoblanadi, undan keyin hisob-kitob qilinmaydi.',
      closeOn: 'Yopilish sanasi', close: 'Yopish', openTitle: 'Yangi shaxsiy hisob ochish',
      providerCode: 'Ta’minotchi kodi', openedOn: 'Ochilgan sana', openAccount: 'Hisob ochish',
      opened: 'Ochildi: ', holderSaved: 'Egasi saqlandi: ', factsSaved: 'Ma’lumotlar saqlandi: ', closed: 'Yopildi: ',
      notFound: 'Bunday shaxsiy hisob sizning hisoblar orasida yo‘q',
      e4101: 'Hisob raqami noto‘g‘ri', e7007: 'Ta’minotchi topilmadi', e7009: 'Bu raqamli hisob allaqachon ochilgan',
      e7010: 'Hisob yopilgan'
    },
    ru: {
      servicesTitle: 'Услуги', service: 'Услуга', until: 'По', stillBilled: 'по сей день', servicesChangeTitle: 'Услуги (с даты)', servicesNote: 'Отмеченные начисляются с этого дня; неотмеченные прекращаются в этот день.', servicesSaved: 'Услуги сохранены · ', region: 'Регион', district: 'Район', asBefore: 'как было', providersArea: 'регион поставщика',
      accountsTitle: 'Лицевые счета', accountNumber: 'Номер лицевого счёта', search: 'Найти',
      holder: 'Владелец (Ф.И.О.)', address: 'Адрес', provider: 'Поставщик', choose: 'Открыть', account: 'Счёт',
      holdersTitle: 'История владельцев', factsTitle: 'История сведений о семье', from: 'С',
      residents: 'Проживающих', heatedArea: 'Отапливаемая площадь', heatedAreaM2: 'Отапливаемая площадь, м²',
      heating: 'Отопление', marks: 'Отметки', unknown: 'неизвестно', h_central: 'центральное',
      h_gas_boiler: 'газовый котёл', h_electric: 'электрическое', h_solid_fuel: 'твёрдое топливо', h_none: 'без отопления',
      needyFamily: 'Малообеспеченная семья', electricStove: 'Электроплита', openedOnIs: 'Открыт: ',
      closedOnIs: 'Закрыт: ', isOpen: 'открыт', isClosed: 'закрыт',
      holderTitle: 'Смена владельца и адреса', validFrom: 'С какого дня', save: 'Сохранить',
      factsChangeTitle: 'Записать сведения о семье', closeTitle: 'Закрыть счёт',
      closeNote: 'Счёт начисляется до дня закрытия, после него начислений нет.',
      closeOn: 'День закрытия', close: 'Закрыть', openTitle: 'Открыть новый лицевой счёт',
      providerCode: 'Код поставщика', openedOn: 'Дата открытия', openAccount: 'Открыть счёт',
      opened: 'Открыт: ', holderSaved: 'Владелец сохранён: ', factsSaved: 'Сведения сохранены: ', closed: 'Закрыт: ',
      notFound: 'Такого лицевого счёта нет среди ваших',
      e4101: 'Неверный номер счёта', e7007: 'Поставщик не найден', e7009: 'Счёт с этим номером уже открыт',
      e7010: 'Счёт закрыт'
    },
    en: {
      servicesTitle: 'Services', service: 'Service', until: 'Until', stillBilled: 'still billed', servicesChangeTitle: 'Services (from a day)', servicesNote: 'Those ticked are billed from this day; those not ticked stop on it.', servicesSaved: 'Services saved · ', region: 'Region', district: 'District', asBefore: 'as before', providersArea: 'the provider’s area',
      accountsTitle: 'Personal accounts', accountNumber: 'Personal account number', search: 'Search',
      holder: 'Holder (full name)', address: 'Address', provider: 'Provider', choose: 'Open', account: 'Account',
      holdersTitle: 'Holders over time', factsTitle: 'Household facts over time', from: 'From',
      residents: 'Residents', heatedArea: 'Heated area', heatedAreaM2: 'Heated area, m²',
      heating: 'Heating', marks: 'Marks', unknown: 'unknown', h_central: 'central',
      h_gas_boiler: 'gas boiler', h_electric: 'electric', h_solid_fuel: 'solid fuel', h_none: 'none',
      needyFamily: 'Needy family', electricStove: 'Electric stove', openedOnIs: 'Opened: ',
      closedOnIs: 'Closed: ', isOpen: 'open', isClosed: 'closed',
      holderTitle: 'Change holder and address', validFrom: 'From the day', save: 'Save',
      factsChangeTitle: 'Record household facts', closeTitle: 'Close the account',
      closeNote: 'The account is billed up to its closing day and not after.',
      closeOn: 'Closing day', close: 'Close', openTitle: 'Open a new personal account',
      providerCode: 'Provider code', openedOn: 'Opened on', openAccount: 'Open the account',
      opened: 'Opened: ', holderSaved: 'Holder saved: ', factsSaved: 'Facts saved: ', closed: 'Closed: ',
      notFound: 'No such personal account among yours',
      e4101: 'Invalid account number', e7007: 'Provider not found', e7009: 'An account with this number is already open',
      e7010: 'The account is closed'
    }
  });

  var LANGS = { uz: 0, ru: 1, en: 2 };
  var UTILITIES = {
    ELECTRICITY: ['Elektr energiyasi', 'Электроэнергия', 'Electricity'],
    NATURAL_GAS: ['Tabiiy gaz', 'Природный газ', 'Natural gas'],
    COLD_WATER: ['Sovuq suv', 'Холодная вода', 'Cold water'],
    SEWERAGE: ['Kanalizatsiya', 'Канализация', 'Sewerage'],
    HOT_WATER: ['Issiq suv', 'Горячая вода', 'Hot water'],
    HEATING: ['Isitish', 'Отопление', 'Heating'],
    GARBAGE: ['Chiqindi olib ketish', 'Вывоз мусора', 'Garbage removal']
  };
  var REGIONS = {
    TASHKENT_CITY: ['Toshkent shahri', 'г. Ташкент', 'Tashkent city'],
    TASHKENT_REGION: ['Toshkent viloyati', 'Ташкентская обл.', 'Tashkent region'],
    ANDIJAN: ['Andijon', 'Андижан', 'Andijan'], BUKHARA: ['Buxoro', 'Бухара', 'Bukhara'],
    FERGANA: ['Farg‘ona', 'Фергана', 'Fergana'], JIZZAKH: ['Jizzax', 'Джизак', 'Jizzakh'],
    KASHKADARYA: ['Qashqadaryo', 'Кашкадарья', 'Kashkadarya'], KHOREZM: ['Xorazm', 'Хорезм', 'Khorezm'],
    NAMANGAN: ['Namangan', 'Наманган', 'Namangan'], NAVOI: ['Navoiy', 'Навои', 'Navoi'],
    SAMARKAND: ['Samarqand', 'Самарканд', 'Samarkand'], SIRDARYA: ['Sirdaryo', 'Сырдарья', 'Sirdarya'],
    SURKHANDARYA: ['Surxondaryo', 'Сурхандарья', 'Surkhandarya'],
    KARAKALPAKSTAN: ['Qoraqalpog‘iston', 'Каракалпакстан', 'Karakalpakstan']
  };
  function name(map, code) { return map[code] ? map[code][LANGS[D.lang()]] : code; }

  var BASE = '/api/v1/operator/accounts';
  var chosen = null;      // the history of the account shown
  var loads = 0;          // a load count, so a watcher tells a new history from the old

  function value(id) { return $(id).value.trim(); }

  /** A whole number as a number, anything else as typed (the API says what is wrong with it). */
  function whole(id) { return /^\d+$/.test(value(id)) ? Number(value(id)) : value(id); }

  function area(id) { return value(id).replace(',', '.') || '0'; }

  /* ---- Look up and show ---- */

  function find(e) {
    if (e) { e.preventDefault(); }
    var form = $('find-form');
    D.clearProblems(form);
    if (!D.filled(form, 'find-number')) { return; }
    D.api('GET', BASE + '?number=' + encodeURIComponent(value('find-number'))).then(function (body) {
      var box = $('found');
      box.textContent = '';
      body.items.forEach(function (a) { box.appendChild(row(a)); });
      $('found-empty').hidden = body.items.length > 0;
      if (body.items.length === 1) { choose(body.items[0].id); }
    }, function (err) { D.showProblem(form, err); });
  }

  function row(a) {
    var pick = D.i18n('button', 'choose', { type: 'button', 'class': 'link use' });
    pick.addEventListener('click', function () { choose(a.id); });
    return el('tr', { 'data-id': String(a.id) }, [
      el('td', { 'class': 'serial' }, [el('b', {}, [a.number])]),
      el('td', {}, [a.holderName]),
      el('td', {}, [a.address]),
      el('td', {}, [a.provider.name]),
      el('td', {}, [pick])
    ]);
  }

  function choose(id) {
    return D.api('GET', BASE + '/' + id + '/history').then(show, function (err) { D.showProblem($('find-form'), err); });
  }

  function marks(f) {
    var out = [];
    if (f.needyFamily) { out.push(D.i18n('span', 'needyFamily', { 'class': 'tag' })); }
    if (f.electricStove) { out.push(D.i18n('span', 'electricStove', { 'class': 'tag' })); }
    return out;
  }

  function show(h) {
    chosen = h;
    $('acc-number').textContent = h.number;
    $('acc-holder').textContent = h.holder;
    $('acc-address').textContent = h.address;
    var status = $('acc-status');
    status.textContent = '';
    status.appendChild(el('span', {}, [t('openedOnIs') + D.day(h.openedOn) + ' ']));
    status.appendChild(h.closedOn
      ? el('span', { 'class': 'tag retired', id: 'acc-closed' }, [t('closedOnIs') + D.day(h.closedOn)])
      : D.i18n('span', 'isOpen', { 'class': 'tag ok' }));
    var holders = $('holders');
    holders.textContent = '';
    h.holders.forEach(function (p) {
      holders.appendChild(el('tr', { 'data-from': p.validFrom }, [
        el('td', { 'class': 'when' }, [D.day(p.validFrom)]), el('td', {}, [p.holder]), el('td', {}, [p.address])]));
    });
    var facts = $('facts');
    facts.textContent = '';
    h.facts.forEach(function (f) {
      facts.appendChild(el('tr', { 'data-from': f.validFrom }, [
        el('td', { 'class': 'when' }, [D.day(f.validFrom)]), el('td', { 'class': 'residents' }, [String(f.residents)]),
        el('td', {}, [f.heatedArea + ' m²']),
        el('td', {}, [D.i18n('span', f.heatingType ? 'h_' + f.heatingType : 'unknown')]),
        el('td', {}, marks(f))]));
    });
    var services = $('services');
    services.textContent = '';
    (h.services || []).forEach(function (p) {
      services.appendChild(el('tr', { 'data-utility': p.utility, 'data-from': p.from }, [
        el('td', {}, [name(UTILITIES, p.utility.toUpperCase())]), el('td', { 'class': 'when' }, [D.day(p.from)]),
        el('td', { 'class': 'until' }, [p.until ? D.day(p.until) : t('stillBilled')])]));
    });
    document.querySelectorAll('#s-list input').forEach(function (box) {
      box.checked = (h.services || []).some(function (p) { return !p.until && p.utility === box.value; });
    });
    $('account').hidden = false;
    $('account').setAttribute('data-loaded', String(++loads));
    // a closed account keeps its history; only the closing form stays (it says the account is closed)
    document.querySelectorAll('form.chosen').forEach(function (f) { f.hidden = !!h.closedOn; });
    $('close-form').hidden = false;
  }

  /* ---- Changes ---- */

  /** Sends a form's change; on success says so, and shows the account as it now stands. */
  function submit(form, method, path, body, said) {
    D.clearProblems(form);
    D.done(form, '');
    return D.api(method, path, body).then(function (r) {
      D.done(form, said(r));
      return choose(r.id);
    }, function (err) { D.showProblem(form, err); });
  }

  function open(e) {
    e.preventDefault();
    var form = $('open-form');
    var body = {
      number: value('o-number'), holder: value('o-holder'), address: value('o-address'), openedOn: value('o-opened'),
      facts: { residents: whole('o-residents'), heatedArea: area('o-area') }
    };
    if (value('o-provider')) { body.provider = value('o-provider'); }
    if ($('o-region').value) { body.facts.region = $('o-region').value; }
    if (value('o-district')) { body.facts.district = value('o-district'); }
    submit(form, 'POST', BASE, body, function (r) { return t('opened') + r.number; });
  }

  function holder(e) {
    e.preventDefault();
    submit($('holder-form'), 'POST', BASE + '/' + chosen.id + '/holder',
      { validFrom: value('h-from'), holder: value('h-holder'), address: value('h-address') },
      function (r) { return t('holderSaved') + r.holder + ' · ' + D.day(r.validFrom); });
  }

  function facts(e) {
    e.preventDefault();
    var body = {
      validFrom: value('f-from'), residents: whole('f-residents'), heatedArea: area('f-area'),
      needyFamily: $('f-needy').checked, electricStove: $('f-stove').checked
    };
    if ($('f-heating').value) { body.heatingType = $('f-heating').value; }
    if ($('f-region').value) { body.region = $('f-region').value; }
    if (value('f-district')) { body.district = value('f-district'); }
    submit($('facts-form'), 'POST', BASE + '/' + chosen.id + '/facts', body,
      function (r) { return t('factsSaved') + r.residents + ' · ' + D.day(r.validFrom); });
  }

  function changeServices(e) {
    e.preventDefault();
    var ticked = [];
    document.querySelectorAll('#s-list input:checked').forEach(function (box) { ticked.push(box.value); });
    submit($('services-form'), 'PUT', BASE + '/' + chosen.id + '/services', { validFrom: value('s-from'), services: ticked },
      function (r) { return t('servicesSaved') + D.day(r.validFrom); });
  }

  /** The region lists and the services' boxes, named in the page's language. */
  function choices() {
    document.querySelectorAll('select.regions').forEach(function (select) {
      Object.keys(REGIONS).forEach(function (r) { select.appendChild(el('option', { value: r }, [name(REGIONS, r)])); });
    });
    var list = $('s-list');
    Object.keys(UTILITIES).forEach(function (u) {
      var box = el('input', { type: 'checkbox', value: u.toLowerCase(), id: 's-' + u.toLowerCase() });
      list.appendChild(el('label', { 'class': 'check' }, [box, ' ' + name(UTILITIES, u)]));
    });
  }

  function closeAccount(e) {
    e.preventDefault();
    submit($('close-form'), 'POST', BASE + '/' + chosen.id + '/close', { on: value('c-on') },
      function (r) { return t('closed') + r.number + ' · ' + D.day(r.closedOn); });
  }

  D.page(function () {
    $('o-provider-label').hidden = D.role() !== 'ADMINISTRATOR';
    choices();
    $('services-form').addEventListener('submit', changeServices);
    $('find-form').addEventListener('submit', find);
    $('open-form').addEventListener('submit', open);
    $('holder-form').addEventListener('submit', holder);
    $('facts-form').addEventListener('submit', facts);
    $('close-form').addEventListener('submit', closeAccount);
  });
}());
