/* The printable calculator page: builds the form, posts to /api/v1/calculator, shows the lines. No build step. */
(function () {
  'use strict';
  var T = window.EkommunalTariffs;
  var METERED_BY_DEFAULT = { ELECTRICITY: true, NATURAL_GAS: true, COLD_WATER: true, SEWERAGE: true, HOT_WATER: true };
  var UNMETERED_ONLY = { HEATING: true, GARBAGE: true };
  var form = document.getElementById('calculator');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function names(code) {
    var n = T.utilities[code];
    return el('span', {}, [n[0], el('small', {}, [n[1] + ' · ' + n[2]])]);
  }

  function utilityRows() {
    var box = document.getElementById('utilities');
    Object.keys(T.utilities).forEach(function (code) {
      var row = el('div', { 'class': 'utility', 'data-utility': code });
      var pick = el('input', { type: 'checkbox', name: 'use-' + code, id: 'use-' + code });
      if (code === 'ELECTRICITY') { pick.checked = true; }
      row.appendChild(el('label', { 'class': 'check', 'for': 'use-' + code }, [pick, names(code)]));
      if (!UNMETERED_ONLY[code]) {
        var metered = el('input', { type: 'checkbox', name: 'metered-' + code });
        metered.checked = !!METERED_BY_DEFAULT[code];
        var unit = T.units[{ ELECTRICITY: 'kWh' }[code] || 'm3'];
        row.appendChild(el('label', { 'class': 'check small' }, [metered, 'Hisoblagich bor', el('small', {}, ['Есть счётчик · Metered'])]));
        row.appendChild(el('label', { 'class': 'small' }, ['Oyiga, ' + unit, el('small', {}, ['В месяц · Per month']),
          el('input', { type: 'number', name: 'consumption-' + code, min: '0', step: 'any', inputmode: 'decimal',
            placeholder: code === 'ELECTRICITY' ? '300' : '10', 'data-field': code })]));
      }
      box.appendChild(row);
    });
    var region = document.getElementById('region');
    Object.keys(T.regions).forEach(function (code) {
      region.appendChild(el('option', { value: code }, [T.regions[code]]));
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

  function showError(problem, body) {
    var box = document.getElementById('error');
    box.textContent = problem.detail || problem.title || 'Xatolik / Ошибка';
    box.hidden = false;
    var input = inputFor(problem.field, body);
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }

  function showResult(result) {
    var lines = document.getElementById('lines');
    lines.textContent = '';
    result.lines.forEach(function (line) {
      var unit = T.units[line.unit] || line.unit;
      var what = names(line.utility);
      if (line.kind === 'STATE_PAID') { what.appendChild(el('small', {}, ['Davlat to‘laydi · Оплачивает государство'])); }
      var blocks = el('ul', { 'class': 'blocks' });
      line.blocks.forEach(function (b) {
        blocks.appendChild(el('li', {}, [b.quantity + ' × ' + T.money(b.price) + ' = ' + T.money(b.amount)]));
      });
      if (line.blocks.length > 1) { what.appendChild(blocks); }
      // data-label: the column's name, shown beside the value where a phone stacks the row's cells
      lines.appendChild(el('tr', { 'class': line.kind === 'STATE_PAID' ? 'state' : '' }, [
        el('th', { scope: 'row' }, [what]),
        el('td', { 'class': 'num', 'data-label': 'Narx, so‘m · Цена' }, [T.money(line.price) + ' /' + unit]),
        el('td', { 'class': 'num', 'data-label': 'Miqdor · Кол-во' }, [line.quantity + ' ' + unit.split('/')[0]]),
        el('td', { 'class': 'num', 'data-label': 'Oy · Мес.' }, [String(line.months)]),
        el('td', { 'class': 'num amount', 'data-label': 'Summa, so‘m · Сумма' }, [T.money(line.amount)])]));
    });
    document.getElementById('total').textContent = T.money(result.total) + ' so‘m';
    document.getElementById('summary').textContent = (T.regions[result.region] || result.region)
      + ' · ' + result.date + ' · ' + result.months + ' oy / мес.';
    var section = document.getElementById('result');
    section.hidden = false;
    section.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('error').hidden = true;
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (i) { i.removeAttribute('aria-invalid'); });
    var body = request();
    fetch('/api/v1/calculator', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) { showResult(answer); } else { showError(answer, body); }
      });
    }).catch(function () {
      showError({ detail: 'Server javob bermadi / Сервер не ответил' }, body);
    });
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });
  utilityRows();
}());
