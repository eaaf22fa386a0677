/* The printable calculator page: the form in the reader's language (uz, ru or en, switched at the top
   and remembered as on every page), posts to /api/v1/calculator, shows the lines. Uses common.js
   (window.Ek) for texts, numbers and the API, and the tariff informer's names (embed/tariffs.js). */
(function () {
  'use strict';
  var E = window.Ek, T = window.EkommunalTariffs;
  var el = E.el, t = E.t;
  var METERED_BY_DEFAULT = { ELECTRICITY: true, NATURAL_GAS: true, COLD_WATER: true, SEWERAGE: true, HOT_WATER: true };
  var UNMETERED_ONLY = { HEATING: true, GARBAGE: true };
  var form = document.getElementById('calculator');
  var last = null;

  E.texts({
    uz: {
      cTitle: 'Qancha to‘layman?', cUtilities: 'Xizmatlar', cHousehold: 'Xonadon', cRegion: 'Hudud',
      cResidents: 'Yashovchilar soni', cArea: 'Isitiladigan maydon, m²', cMonths: 'Oylar soni',
      cDate: 'Sana (tariflar shu kunga)', cNeedy: 'Kam ta’minlangan oila', cStove: 'Elektr plitali xonadon',
      cCalculate: 'Hisoblash', cEstimate: 'Hisob-kitob', cService: 'Xizmat', cPrice: 'Narx', cQuantity: 'Miqdor',
      cMonthsShort: 'Oy', cAmount: 'Summa, so‘m', cTotal: 'Jami', cPrint: 'Chop etish', cMetered: 'Hisoblagich bor',
      cPerMonth: 'Oyiga, {0}', cStatePaid: 'Davlat to‘laydi', cMonthsOf: '{0} oy', cNoAnswer: 'Server javob bermadi',
      cNote: 'Taxminiy hisob: tariflar QQS bilan, oylik iste’mol bir xil deb olingan.',
      e3004: 'Bu sana va hudud uchun tarif yo‘q'
    },
    ru: {
      cTitle: 'Сколько я заплачу?', cUtilities: 'Услуги', cHousehold: 'Домохозяйство', cRegion: 'Регион',
      cResidents: 'Число жильцов', cArea: 'Отапливаемая площадь, м²', cMonths: 'Число месяцев',
      cDate: 'Дата (тарифы на этот день)', cNeedy: 'Малообеспеченная семья', cStove: 'Квартира с электроплитой',
      cCalculate: 'Рассчитать', cEstimate: 'Расчёт', cService: 'Услуга', cPrice: 'Цена', cQuantity: 'Количество',
      cMonthsShort: 'Мес.', cAmount: 'Сумма, сум', cTotal: 'Итого', cPrint: 'Печать', cMetered: 'Есть счётчик',
      cPerMonth: 'В месяц, {0}', cStatePaid: 'Оплачивает государство', cMonthsOf: '{0} мес.', cNoAnswer: 'Сервер не ответил',
      cNote: 'Оценка: тарифы с НДС, потребление каждый месяц одинаковое.',
      e3004: 'На эту дату и в этом регионе тарифа нет'
    },
    en: {
      cTitle: 'How much will I pay?', cUtilities: 'Utilities', cHousehold: 'Household', cRegion: 'Region',
      cResidents: 'Residents', cArea: 'Heated area, m²', cMonths: 'Months',
      cDate: 'Date (the tariffs of that day)', cNeedy: 'Needy family', cStove: 'Electric stove',
      cCalculate: 'Calculate', cEstimate: 'Estimate', cService: 'Service', cPrice: 'Price', cQuantity: 'Quantity',
      cMonthsShort: 'Months', cAmount: 'Amount, UZS', cTotal: 'Total', cPrint: 'Print', cMetered: 'Metered',
      cPerMonth: 'Per month, {0}', cStatePaid: 'Paid by the state', cMonthsOf: '{0} months', cNoAnswer: 'The server did not answer',
      cNote: 'An estimate: VAT included, the same use every month.',
      e3004: 'No tariff for that date and region'
    }
  });

  function unit(code) { return T.unit(code, E.lang()); }

  /* ---- The form ---- */

  function utilityRows() {
    var box = document.getElementById('utilities');
    Object.keys(T.utilities).forEach(function (code) {
      var row = el('div', { 'class': 'utility', 'data-utility': code });
      var pick = el('input', { type: 'checkbox', name: 'use-' + code, id: 'use-' + code });
      pick.checked = code === 'ELECTRICITY';
      row.appendChild(el('label', { 'class': 'check', 'for': 'use-' + code }, [pick, el('span', { 'class': 'name' })]));
      if (!UNMETERED_ONLY[code]) {
        var metered = el('input', { type: 'checkbox', name: 'metered-' + code });
        metered.checked = !!METERED_BY_DEFAULT[code];
        row.appendChild(el('label', { 'class': 'check small' }, [metered, E.i18n('span', 'cMetered')]));
        row.appendChild(el('label', { 'class': 'small' }, [el('span', { 'class': 'per-month' }),
          el('input', { type: 'number', name: 'consumption-' + code, min: '0', step: 'any', inputmode: 'decimal',
            placeholder: code === 'ELECTRICITY' ? '300' : '10', 'data-field': code })]));
      }
      box.appendChild(row);
    });
    Object.keys(T.regions).forEach(function (code) {
      document.getElementById('region').appendChild(el('option', { value: code }));
    });
  }

  /** The names that are not in data-i18n: utilities, regions, units. */
  function names() {
    form.querySelectorAll('.utility').forEach(function (row) {
      var code = row.getAttribute('data-utility');
      row.querySelector('.name').textContent = T.name(code, E.lang());
      var per = row.querySelector('.per-month');
      if (per) { per.textContent = t('cPerMonth', unit(code === 'ELECTRICITY' ? 'kWh' : 'm3')); }
    });
    Array.prototype.forEach.call(document.getElementById('region').options, function (o) {
      o.textContent = T.region(o.value, E.lang());
    });
  }

  function request() {
    var data = new FormData(form);
    var utilities = [];
    Object.keys(T.utilities).forEach(function (code) {
      if (!data.get('use-' + code)) { return; }
      var item = { utility: code, metered: !!data.get('metered-' + code) };
      var consumption = data.get('consumption-' + code);
      if (item.metered && consumption !== null && consumption !== '') { item.consumption = consumption; }
      utilities.push(item);
    });
    var body = {
      utilities: utilities,
      region: data.get('region'),
      residents: data.get('residents') === '' ? 1 : Number(data.get('residents')),
      months: data.get('months') === '' ? 1 : Number(data.get('months')),
      needyFamily: !!data.get('needyFamily'),
      householdClass: data.get('electricStove') ? 'ELECTRIC_STOVE' : 'STANDARD'
    };
    if (data.get('heatedArea')) { body.heatedArea = data.get('heatedArea'); }
    if (data.get('date')) { body.date = data.get('date'); }
    return body;
  }

  /* A problem's field (utilities[0].consumption) back to the input it came from. */
  function inputFor(field, body) {
    var m = /^utilities\[(\d+)\]\.(\w+)$/.exec(field || '');
    if (m && body.utilities[Number(m[1])]) {
      var code = body.utilities[Number(m[1])].utility;
      return form.querySelector('[name="' + (m[2] === 'consumption' ? 'consumption-' : 'use-') + code + '"]');
    }
    return field ? form.querySelector('[name="' + field + '"]') : null;
  }

  var NO_TARIFF = 3004;

  /** The problem in the page's words; the input at fault outlined, except for a missing tariff (no input is wrong). */
  function showError(e, body) {
    var box = document.getElementById('error');
    box.textContent = e.status === undefined ? t('cNoAnswer') : E.problemText(e);
    box.hidden = false;
    var p = e.problem || {};
    var input = p.code === NO_TARIFF ? null : inputFor(p.field, body);
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }

  /* ---- The estimate ---- */

  function showResult(result) {
    var lines = document.getElementById('lines');
    lines.textContent = '';
    result.lines.forEach(function (line) {
      var u = unit(line.unit);
      var what = el('span', {}, [T.name(line.utility, E.lang())]);
      if (line.kind === 'STATE_PAID') { what.appendChild(el('small', {}, [t('cStatePaid')])); }
      var blocks = el('ul', { 'class': 'blocks' });
      line.blocks.forEach(function (b) {
        blocks.appendChild(el('li', {}, [E.number(String(b.quantity)) + ' × ' + E.number(String(b.price)) + ' = ' + E.number(String(b.amount))]));
      });
      if (line.blocks.length > 1) { what.appendChild(blocks); }
      // data-label: the column's name, shown beside the value where a phone stacks the row's cells
      lines.appendChild(el('tr', { 'class': line.kind === 'STATE_PAID' ? 'state' : '' }, [
        el('th', { scope: 'row' }, [what]),
        el('td', { 'class': 'num', 'data-label': t('cPrice') }, [E.number(String(line.price)) + ' ' + t('soum') + '/' + u]),
        el('td', { 'class': 'num', 'data-label': t('cQuantity') }, [(E.number(String(line.quantity)) + ' ' + T.quantityUnit(line.unit, E.lang())).trim()]),
        el('td', { 'class': 'num', 'data-label': t('cMonthsShort') }, [String(line.months)]),
        el('td', { 'class': 'num amount', 'data-label': t('cAmount') }, [E.number(String(line.amount))])]));
    });
    document.getElementById('total').textContent = E.number(String(result.total)) + ' ' + t('soum');
    document.getElementById('summary').textContent = T.region(result.region, E.lang())
      + ' · ' + E.day(result.date) + ' · ' + t('cMonthsOf', result.months);
    document.getElementById('result').hidden = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('error').hidden = true;
    form.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
    var body = request();
    E.api('POST', '/api/v1/calculator', body).then(function (answer) {
      last = answer;
      showResult(answer);
      document.getElementById('result').scrollIntoView({ block: 'start' });
    }, function (e) { showError(e, body); });
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });

  utilityRows();
  E.languageButtons();
  E.onLanguage(function (lang) {
    names();
    T.setLanguage(lang);
    if (last) { showResult(last); }
  });
  E.applyLanguage();
}());
