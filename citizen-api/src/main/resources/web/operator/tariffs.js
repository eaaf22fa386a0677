/* The operators' tariffs page: the tariff book's versions per utility (operators read it), and for
   administrators a form to add a version or supersede an open-ended one; the list is reloaded at once
   and the new version marked. Talks only to /api/v1/operator/tariffs (see openapi.yaml). */
(function () {
  'use strict';
  var D = window.EkDesk, F = window.EkTariffForm;
  var el = D.el, t = D.t;
  var $ = function (id) { return document.getElementById(id); };

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
  var LANGS = { uz: 0, ru: 1, en: 2 };

  D.texts({
    uz: {
      tariffsTitle: 'Tarif versiyalari', allUtilities: 'Barcha xizmatlar', utility: 'Xizmat', more: 'Yana',
      adminsOnly: 'Tariflar qarorlar bilan o‘zgaradi: ularni faqat administratorlar kiritadi, operatorlar ko‘radi.',
      addTitle: 'Yangi tarif versiyasi', supersedeTitle: 'Tarif versiyasini almashtirish', supersedes: 'Almashtiriladi:',
      cancel: 'Bekor qilish', versionId: 'Versiya identifikatori', basis: 'Hisoblash asosi', meter: 'Hisoblagich',
      regions: 'Hududlar', regionsHint: 'Hech biri tanlanmasa — barcha hududlar.', householdClass: 'Xonadon turi',
      validFrom: 'Amal qilish boshi', validTo: 'Amal qilish oxiri (ixtiyoriy)', blocks: 'Narxlar (bloklar)',
      season: 'Mavsumiy me’yor (ixtiyoriy)', coefficient: 'Hisoblagichsiz koeffitsiyent', statePays: 'Davlat to‘laydi, me’yordan ortiq',
      toForm: 'Yangi versiya qo‘shish ↓', add: 'Qo‘shish', supersede: 'Almashtirish', added: 'Qo‘shildi: ', supersededBy: ' o‘rniga: ',
      openEnded: 'hozirgacha', upTo: '% gacha', above: 'qolgani', withinNorm: 'me’yor ichida',
      id: 'ID', validity: 'Amal qilish davri', prices: 'Narxlar', who: 'Kimga', allRegions: 'barcha hududlar',
      b_PER_UNIT: 'birlik uchun', b_PER_RESIDENT: 'yashovchi uchun, oyiga', b_PER_AREA: 'm² uchun, oyiga',
      c_ANY: 'farqi yo‘q', c_METERED: 'hisoblagich bilan', c_UNMETERED: 'hisoblagichsiz',
      k_STANDARD: 'oddiy', k_ELECTRIC_STOVE: 'elektr plitali', noVersions: 'Tarif versiyalari yo‘q'
    },
    ru: {
      tariffsTitle: 'Версии тарифов', allUtilities: 'Все услуги', utility: 'Услуга', more: 'Ещё',
      adminsOnly: 'Тарифы меняются постановлениями: вносят их только администраторы, операторы просматривают.',
      addTitle: 'Новая версия тарифа', supersedeTitle: 'Замена версии тарифа', supersedes: 'Заменяется:',
      cancel: 'Отмена', versionId: 'Идентификатор версии', basis: 'База начисления', meter: 'Счётчик',
      regions: 'Регионы', regionsHint: 'Ничего не выбрано — все регионы.', householdClass: 'Тип квартиры',
      validFrom: 'Действует с', validTo: 'Действует до (необязательно)', blocks: 'Цены (блоки)',
      season: 'Сезонная норма (необязательно)', coefficient: 'Коэффициент без счётчика', statePays: 'Государство платит сверх нормы',
      toForm: 'Добавить версию ↓', add: 'Добавить', supersede: 'Заменить', added: 'Добавлено: ', supersededBy: ' заменяет ',
      openEnded: 'бессрочно', upTo: 'до %', above: 'свыше', withinNorm: 'в пределах нормы',
      id: 'ID', validity: 'Период', prices: 'Цены', who: 'Для кого', allRegions: 'все регионы',
      b_PER_UNIT: 'за единицу', b_PER_RESIDENT: 'с жильца в месяц', b_PER_AREA: 'за м² в месяц',
      c_ANY: 'неважно', c_METERED: 'со счётчиком', c_UNMETERED: 'без счётчика',
      k_STANDARD: 'обычная', k_ELECTRIC_STOVE: 'с электроплитой', noVersions: 'Версий тарифов нет'
    },
    en: {
      tariffsTitle: 'Tariff versions', allUtilities: 'All utilities', utility: 'Utility', more: 'More',
      adminsOnly: 'Tariffs change by decree: administrators enter them, operators read them.',
      addTitle: 'New tariff version', supersedeTitle: 'Supersede a tariff version', supersedes: 'Superseding:',
      cancel: 'Cancel', versionId: 'Version id', basis: 'Charged', meter: 'Meter',
      regions: 'Regions', regionsHint: 'None selected: every region.', householdClass: 'Household class',
      validFrom: 'Valid from', validTo: 'Valid to (optional)', blocks: 'Prices (blocks)',
      season: 'Seasonal norm (optional)', coefficient: 'Coefficient without a meter', statePays: 'State pays above the norm',
      toForm: 'Add a version ↓', add: 'Add', supersede: 'Supersede', added: 'Added: ', supersededBy: ' supersedes ',
      openEnded: 'open-ended', upTo: 'up to %', above: 'above', withinNorm: 'within the norm',
      id: 'ID', validity: 'Valid', prices: 'Prices', who: 'Applies to', allRegions: 'all regions',
      b_PER_UNIT: 'per unit', b_PER_RESIDENT: 'per resident a month', b_PER_AREA: 'per m² a month',
      c_ANY: 'either', c_METERED: 'with a meter', c_UNMETERED: 'without a meter',
      k_STANDARD: 'standard', k_ELECTRIC_STOVE: 'electric stove', noVersions: 'No tariff versions'
    }
  });

  var versions = [];
  var cursor = null;
  var superseding = null;
  var fresh = null;

  function name(map, code) { return map[code] ? map[code][LANGS[D.lang()]] : code; }
  function value(id) { return $(id).value.trim(); }
  /** The book's end is exclusive (the next version's first day): people read the last day it applies. */
  function lastDay(validTo) {
    return new Date(Date.parse(validTo + 'T00:00:00Z') - 86400000).toISOString().slice(0, 10);
  }
  function isEditor() { return D.role() === 'ADMINISTRATOR'; }

  /* "1234567.50" -> "1 234 567,50" in uz and ru, "1,234,567.50" in en (common.js; no floating point). */
  function money(text) { return window.Ek.number(String(text)); }

  /** "200:600|*:2000" as "up to 200: 600 · above: 2 000"; a single price "*:8400" as "8 400". */
  function blocks(text) {
    var list = String(text).split('|');
    if (list.length === 1 && list[0].indexOf('*:') === 0) { return money(list[0].slice(2)); }
    return list.map(function (b) {
      var i = b.lastIndexOf(':'), limit = b.slice(0, i), price = b.slice(i + 1);
      var what = limit === '*' ? t('above') : limit === 'norm' ? t('withinNorm') : t('upTo').replace('%', limit);
      return what + ': ' + money(price);
    }).join(' · ');
  }

  /* ---- Choices in the page's language ---- */

  function fillChoices() {
    var filter = $('filter-utility'), utility = $('v-utility'), regions = $('v-regions');
    var keepFilter = filter.value, keepUtility = utility.value;
    var keepRegions = Array.prototype.filter.call(regions.options, function (o) { return o.selected; })
      .map(function (o) { return o.value; });
    while (filter.options.length > 1) { filter.remove(1); }
    utility.textContent = '';
    regions.textContent = '';
    Object.keys(UTILITIES).forEach(function (u) {
      filter.appendChild(el('option', { value: u }, [name(UTILITIES, u)]));
      utility.appendChild(el('option', { value: u }, [name(UTILITIES, u)]));
    });
    Object.keys(REGIONS).forEach(function (r) {
      var o = el('option', { value: r }, [name(REGIONS, r)]);
      o.selected = keepRegions.indexOf(r) >= 0;
      regions.appendChild(o);
    });
    filter.value = keepFilter;
    utility.value = keepUtility || 'ELECTRICITY';
  }

  /* ---- The list, a table per utility ---- */

  function who(v) {
    var regions = v.regions === 'ALL' ? t('allRegions') : v.regions.map(function (r) { return name(REGIONS, r); }).join(', ');
    return [regions, t('b_' + v.basis), v.meter !== 'ANY' ? t('c_' + v.meter) : null,
      v['class'] !== 'STANDARD' ? t('k_' + v['class']) : null]
      .filter(Boolean).join(' · ');
  }

  function versionRow(v) {
    var action = null;
    if (isEditor() && !v.validTo) {
      action = el('button', { type: 'button', 'class': 'small supersede', 'data-id': v.id }, [t('supersede')]);
      action.addEventListener('click', function () { startSupersede(v); });
    }
    return el('tr', { 'data-id': v.id, 'class': v.id === fresh ? 'fresh' : null }, [
      el('td', { 'class': 'serial' }, [el('b', { translate: 'no' }, [v.id])]),
      el('td', {}, [who(v)]),
      el('td', { 'class': 'validity' }, [D.day(v.validFrom) + ' – ' + (v.validTo ? D.day(lastDay(v.validTo)) : t('openEnded'))]),
      el('td', { 'class': 'blocks', 'data-blocks': v.blocks }, [blocks(v.blocks),
        v.season ? el('div', { 'class': 'note' }, [F.seasonText(v.season)]) : null]),
      el('td', {}, [action])
    ]);
  }

  function render() {
    var box = $('versions');
    box.textContent = '';
    var byUtility = {};
    versions.forEach(function (v) { (byUtility[v.utility] = byUtility[v.utility] || []).push(v); });
    Object.keys(UTILITIES).forEach(function (u) {
      if (!byUtility[u]) { return; }
      var rows = byUtility[u].sort(function (a, b) { return a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0; });
      box.appendChild(el('section', { 'class': 'utility', 'data-utility': u }, [
        el('h2', {}, [name(UTILITIES, u)]),
        el('table', { 'class': 'rows' }, [
          el('thead', {}, [el('tr', {}, [el('th', {}, [t('id')]), el('th', {}, [t('who')]), el('th', {}, [t('validity')]),
            el('th', {}, [t('prices')]), el('th', {}, [])])]),
          el('tbody', {}, rows.map(versionRow))])]));
    });
    if (!versions.length) { box.appendChild(el('p', { 'class': 'note' }, [t('noVersions')])); }
    var marked = fresh && box.querySelector('tr[data-id="' + fresh + '"]');
    if (marked) { marked.scrollIntoView({ block: 'center' }); }
  }

  function load(more) {
    var q = '?limit=200' + (value('filter-utility') ? '&utility=' + value('filter-utility') : '')
      + (more && cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    $('versions-error').hidden = true;
    return D.api('GET', '/api/v1/operator/tariffs' + q).then(function (body) {
      versions = (more ? versions : []).concat(body.items);
      cursor = body.nextCursor;
      $('versions-more').hidden = !cursor;
      render();
    }, function (e) {
      $('versions-error').textContent = e.message;
      $('versions-error').hidden = false;
    });
  }

  /* ---- Add or supersede ---- */

  function startSupersede(v) {
    superseding = v.id;
    $('supersede-id').textContent = v.id;
    $('supersede-note').hidden = false;
    $('form-title').setAttribute('data-i18n', 'supersedeTitle');
    $('v-submit').setAttribute('data-i18n', 'supersede');
    D.applyLanguage();
    $('v-utility').value = v.utility;
    $('v-basis').value = v.basis;
    $('v-meter').value = v.meter;
    $('v-class').value = v['class'];
    Array.prototype.forEach.call($('v-regions').options, function (o) {
      o.selected = v.regions !== 'ALL' && v.regions.indexOf(o.value) >= 0;
    });
    F.fill(v.blocks, v.season);
    $('v-id').value = '';
    $('v-from').value = '';
    $('v-to').value = '';
    $('v-id').focus();
  }

  function endSupersede() {
    superseding = null;
    $('supersede-note').hidden = true;
    $('form-title').setAttribute('data-i18n', 'addTitle');
    $('v-submit').setAttribute('data-i18n', 'add');
    D.applyLanguage();
  }

  function body(prices) {
    var regions = Array.prototype.filter.call($('v-regions').options, function (o) { return o.selected; })
      .map(function (o) { return o.value; });
    var b = {
      id: value('v-id'), utility: value('v-utility'), basis: value('v-basis'), meter: value('v-meter'),
      regions: regions.length ? regions : 'ALL', 'class': value('v-class'), validFrom: value('v-from'),
      blocks: prices.blocks
    };
    if (value('v-to')) { b.validTo = value('v-to'); }
    if (prices.season) { b.season = prices.season; }
    if (value('v-coefficient')) { b.unmeteredCoefficient = value('v-coefficient').replace(',', '.'); }
    if (value('v-state')) { b.statePaysAboveNorm = value('v-state').replace(',', '.'); }
    return b;
  }

  function save(ev) {
    ev.preventDefault();
    var form = $('version-form');
    D.clearProblems(form);
    D.done(form, '');
    var prices = F.read(form);
    if (!prices) { return; }
    $('v-submit').disabled = true;
    var previous = superseding;
    var path = '/api/v1/operator/tariffs' + (previous ? '/' + encodeURIComponent(previous) + '/supersede' : '');
    D.api('POST', path, body(prices)).then(function (v) {
      fresh = v.id;
      D.done(form, previous ? t('added') + v.id + t('supersededBy') + previous : t('added') + v.id);
      $('v-id').value = '';
      endSupersede();
      $('filter-utility').value = '';
      return load(false);
    }, function (e) { D.showProblem(form, e); })
      .then(function () { $('v-submit').disabled = false; });
  }

  function start() {
    fillChoices();
    F.init();
    D.onLanguage(function () { fillChoices(); render(); });
    $('editor-only').hidden = isEditor();
    $('to-form').hidden = !isEditor();
    $('version-form').hidden = !isEditor();
    $('filter-utility').addEventListener('change', function () { load(false); });
    $('versions-more').addEventListener('click', function () { load(true); });
    $('version-form').addEventListener('submit', save);
    $('supersede-cancel').addEventListener('click', endSupersede);
    load(false);
  }

  D.page(start);
}());
