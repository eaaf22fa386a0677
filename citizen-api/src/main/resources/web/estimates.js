/* The public repair and construction estimate: the catalogue of the chosen region and day, a quantity per
   work item, then the lines, subtotal, VAT and total from /api/v1/estimates and a printable PDF. No sign-in. */
(function () {
  'use strict';
  var E = window.Ek;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var REGIONS = ['TASHKENT_CITY', 'TASHKENT_REGION', 'ANDIJAN', 'BUKHARA', 'FERGANA', 'JIZZAKH', 'KASHKADARYA',
    'KHOREZM', 'NAMANGAN', 'NAVOI', 'SAMARKAND', 'SIRDARYA', 'SURKHANDARYA', 'KARAKALPAKSTAN'];
  var catalogue = null;
  var last = null;

  E.texts({
    uz: {
      menu: 'Menyu', home: 'Bosh sahifa', utilityCalculator: 'Qancha to‘layman?', estimateTitle: 'Ta’mirlash smetasi',
      estimateIntro: 'Ishlar miqdorini kiriting: materiallar va ish haqi narxlari hudud bo‘yicha, QQS bilan hisoblanadi.',
      region: 'Hudud', ratesOf: 'Narxlar sanasi', quantities: 'Ishlar va miqdori', calculate: 'Hisoblash',
      estimate: 'Smeta', subtotal: 'QQSsiz jami', vat: 'QQS {0} %', total: 'Hammasi', pdf: 'Chop etish (PDF)',
      perUnit: '{0} / {1}', materials: 'materiallar', labour: 'ish haqi', nothingPicked: 'Kamida bitta ish miqdorini kiriting',
      TASHKENT_CITY: 'Toshkent shahri', TASHKENT_REGION: 'Toshkent viloyati', ANDIJAN: 'Andijon', BUKHARA: 'Buxoro',
      FERGANA: 'Farg‘ona', JIZZAKH: 'Jizzax', KASHKADARYA: 'Qashqadaryo', KHOREZM: 'Xorazm', NAMANGAN: 'Namangan',
      NAVOI: 'Navoiy', SAMARKAND: 'Samarqand', SIRDARYA: 'Sirdaryo', SURKHANDARYA: 'Surxondaryo',
      KARAKALPAKSTAN: 'Qoraqalpog‘iston'
    },
    ru: {
      menu: 'Меню', home: 'Главная', utilityCalculator: 'Сколько я заплачу?', estimateTitle: 'Смета ремонта',
      estimateIntro: 'Укажите объём работ: материалы и работа по расценкам региона, с НДС.',
      region: 'Регион', ratesOf: 'Расценки на дату', quantities: 'Работы и объём', calculate: 'Рассчитать',
      estimate: 'Смета', subtotal: 'Итого без НДС', vat: 'НДС {0} %', total: 'Всего', pdf: 'Печать (PDF)',
      perUnit: '{0} / {1}', materials: 'материалы', labour: 'работа', nothingPicked: 'Укажите объём хотя бы одной работы',
      TASHKENT_CITY: 'город Ташкент', TASHKENT_REGION: 'Ташкентская обл.', ANDIJAN: 'Андижан', BUKHARA: 'Бухара',
      FERGANA: 'Фергана', JIZZAKH: 'Джизак', KASHKADARYA: 'Кашкадарья', KHOREZM: 'Хорезм', NAMANGAN: 'Наманган',
      NAVOI: 'Навои', SAMARKAND: 'Самарканд', SIRDARYA: 'Сырдарья', SURKHANDARYA: 'Сурхандарья',
      KARAKALPAKSTAN: 'Каракалпакстан'
    },
    en: {
      menu: 'Menu', home: 'Home', utilityCalculator: 'How much will I pay?', estimateTitle: 'Repair estimate',
      estimateIntro: 'Enter how much work you need: materials and labour at the region’s rates, VAT added.',
      region: 'Region', ratesOf: 'Rates of', quantities: 'Work and quantities', calculate: 'Calculate',
      estimate: 'Estimate', subtotal: 'Subtotal', vat: 'VAT {0} %', total: 'Total', pdf: 'Print (PDF)',
      perUnit: '{0} / {1}', materials: 'materials', labour: 'labour', nothingPicked: 'Enter a quantity for at least one item',
      TASHKENT_CITY: 'Tashkent city', TASHKENT_REGION: 'Tashkent region', ANDIJAN: 'Andijan', BUKHARA: 'Bukhara',
      FERGANA: 'Fergana', JIZZAKH: 'Jizzakh', KASHKADARYA: 'Kashkadarya', KHOREZM: 'Khorezm', NAMANGAN: 'Namangan',
      NAVOI: 'Navoi', SAMARKAND: 'Samarkand', SIRDARYA: 'Sirdarya', SURKHANDARYA: 'Surkhandarya',
      KARAKALPAKSTAN: 'Karakalpakstan'
    }
  });

  /** So'm as the API gives them ("1037500.00") in the page's way of writing numbers. */
  function soum(text) { return E.number(text) + ' ' + t('soum'); }

  function fillRegions() {
    var select = $('est-region'), chosen = select.value || 'TASHKENT_CITY';
    select.textContent = '';
    REGIONS.forEach(function (r) { select.appendChild(el('option', { value: r }, [t(r)])); });
    select.value = chosen;
  }

  function loadCatalogue() {
    var q = new URLSearchParams({ region: $('est-region').value, date: $('est-date').value || E.today() });
    return E.api('GET', '/api/v1/estimates/catalogue?' + q).then(function (c) {
      catalogue = c;
      renderCatalogue();
    }, function (e) { E.showProblem($('est-form'), e); });
  }

  function renderCatalogue() {
    var entered = {};
    document.querySelectorAll('#est-list input').forEach(function (i) { entered[i.name] = i.value; });
    var list = $('est-list');
    list.textContent = '';
    catalogue.items.forEach(function (item) {
      var input = el('input', { type: 'number', name: item.code, min: '0', step: 'any', inputmode: 'decimal',
        'data-field': 'lines', 'aria-label': item.name });
      input.value = entered[item.code] || '';
      list.appendChild(el('li', { 'data-item': item.code }, [
        el('label', {}, [el('b', {}, [item.name]),
          el('span', { 'class': 'note' }, [' ' + t('perUnit', soum(item.perUnit), item.unitName) + ' (' + t('materials') + ' '
            + E.number(item.materials) + ', ' + t('labour') + ' ' + E.number(item.labour) + ')']), input])
      ]));
    });
  }

  function lines() {
    var out = [];
    document.querySelectorAll('#est-list input').forEach(function (i) {
      var v = i.value.trim().replace(',', '.');
      if (v !== '' && Number(v) !== 0) { out.push({ item: i.name, quantity: v }); }
    });
    return out;
  }

  function calculate(ev) {
    ev.preventDefault();
    E.clearProblems($('est-form'));
    var picked = lines();
    if (!picked.length) {
      E.showProblem($('est-form'), new Error(t('nothingPicked')));
      return;
    }
    var body = { region: $('est-region').value, date: $('est-date').value || E.today(), lines: picked };
    E.api('POST', '/api/v1/estimates', body).then(function (estimate) {
      last = estimate;
      renderEstimate();
    }, function (e) { E.showProblem($('est-form'), e); });
  }

  function renderEstimate() {
    var e = last;
    var list = $('est-lines');
    list.textContent = '';
    e.lines.forEach(function (l) {
      list.appendChild(el('li', { 'data-item': l.item }, [
        el('p', {}, [el('b', {}, [l.name])]),
        el('p', { 'class': 'note' }, [E.number(l.quantity) + ' ' + l.unitName + ' × ' + soum(l.perUnit)]),
        el('p', { 'class': 'amount' }, [soum(l.amount)])
      ]));
    });
    $('est-subtotal').textContent = soum(e.subtotal);
    $('est-vat-label').textContent = t('vat', E.number(e.vatPercent.replace(/\.?0+$/, '')));
    $('est-vat').textContent = soum(e.vat);
    $('est-total').textContent = soum(e.total);
    $('est-rounding').textContent = e.rounding;
    var q = new URLSearchParams({ region: e.region, date: e.date, lang: E.lang() });
    e.lines.forEach(function (l) { q.append('line', l.item + ':' + l.quantity); });
    $('est-pdf').href = '/api/v1/estimates/estimate.pdf?' + q;
    $('est-result').hidden = false;
  }

  E.languageButtons();
  E.onLanguage(function () {
    fillRegions();
    if (catalogue) { loadCatalogue(); }
    if (last) { $('est-go').click(); }
  });
  E.applyLanguage();
  fillRegions();
  $('est-date').value = E.today();
  $('est-region').addEventListener('change', loadCatalogue);
  $('est-date').addEventListener('change', loadCatalogue);
  $('est-form').addEventListener('submit', calculate);
  loadCatalogue();
}());
