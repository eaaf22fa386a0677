/* Reports: collections, billed vs collected, debt by age, top debtors, consumption by block. The table shows
   every figure as the API sums it from the ledger (money in so'm, from tiyin, no rounding); the chart
   draws the main money column per first column as bars in inline SVG; CSV comes from the API. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var $ = function (id) { return document.getElementById(id); };
  var NS = 'http://www.w3.org/2000/svg';
  D.texts({
    uz: { cashier: 'Kassa', reports: 'Hisobotlar', reportsTitle: 'Hisobotlar', report: 'Hisobot',
      reportsDenied: 'Bu sahifa kassirlar, operatorlar va administratorlar uchun.',
      'r_collections': 'Kunlar va usullar boʻyicha tushum', 'r_billed-vs-collected': 'Hisoblangan va yigʻilgan',
      'r_debt-by-age': 'Qarzlar muddati boʻyicha (tumanlar)', 'r_top-debtors': 'Eng katta qarzdorlar',
      'r_consumption-by-block': 'Tarif bloklari boʻyicha isteʼmol', from: 'Dan', to: 'Gacha', asOf: 'Sana holatiga',
      providerId: 'Taʼminotchi (id)', periodHint: 'Tushum uchun kunlar (2026-01-31), boshqalari uchun oylar (2026-01).',
      show: 'Koʻrsatish', downloadCsv: 'CSV yuklab olish', saveCsv: 'CSV faylni saqlash', total: 'Jami', som: 'soʻm',
      e7007: 'Taʼminotchi topilmadi', e7306: 'Faqat kassirlar, operatorlar va administratorlar uchun' },
    ru: { cashier: 'Касса', reports: 'Отчёты', reportsTitle: 'Отчёты', report: 'Отчёт',
      reportsDenied: 'Эта страница для кассиров, операторов и администраторов.',
      'r_collections': 'Поступления по дням и способам', 'r_billed-vs-collected': 'Начислено и собрано',
      'r_debt-by-age': 'Долги по срокам (по районам)', 'r_top-debtors': 'Крупнейшие должники',
      'r_consumption-by-block': 'Потребление по тарифным блокам', from: 'С', to: 'По', asOf: 'На дату',
      providerId: 'Поставщик (id)', periodHint: 'Для поступлений — дни (2026-01-31), для остальных — месяцы (2026-01).',
      show: 'Показать', downloadCsv: 'Скачать CSV', saveCsv: 'Сохранить CSV', total: 'Итого', som: 'сум',
      e7007: 'Поставщик не найден', e7306: 'Только для кассиров, операторов и администраторов' },
    en: { cashier: 'Cashier desk', reports: 'Reports', reportsTitle: 'Reports', report: 'Report',
      reportsDenied: 'This page is for cashiers, operators and administrators.',
      'r_collections': 'Collections per day and channel', 'r_billed-vs-collected': 'Billed vs collected',
      'r_debt-by-age': 'Debt by age (per district)', 'r_top-debtors': 'Top debtors',
      'r_consumption-by-block': 'Consumption by tariff block', from: 'From', to: 'To', asOf: 'As of',
      providerId: 'Provider (id)', periodHint: 'Days for collections (2026-01-31), months for the others (2026-01).',
      show: 'Show', downloadCsv: 'Download CSV', saveCsv: 'Save the CSV', total: 'Total', som: 'soʻm',
      e7007: 'Provider not found', e7306: 'Cashiers, operators and administrators only' }
  });

  /* The column each report's chart and total sum. */
  var MAIN = { 'collections': 'net_tiyin', 'billed-vs-collected': 'collected_tiyin', 'debt-by-age': 'debt_tiyin',
    'top-debtors': 'debt_tiyin', 'consumption-by-block': 'amount_tiyin' };
  var LABEL = { 'collections': 'day', 'billed-vs-collected': 'period', 'debt-by-age': 'age',
    'top-debtors': 'number', 'consumption-by-block': 'block' };
  var last = null;

  /** 12345 tiyin -> "123.45", exactly (no floating point). */
  function som(tiyin) {
    var neg = tiyin < 0;
    var s = String(Math.abs(tiyin));
    while (s.length < 3) { s = '0' + s; }
    return (neg ? '-' : '') + s.slice(0, -2) + '.' + s.slice(-2);
  }

  function query() {
    var q = [];
    [['from', 'r-from'], ['to', 'r-to'], ['asOf', 'r-asof'], ['providerId', 'r-provider']].forEach(function (p) {
      var v = $(p[1]).value.trim();
      if (v) { q.push(p[0] + '=' + encodeURIComponent(v)); }
    });
    return '/api/v1/reports/' + $('r-name').value + (q.length ? '?' + q.join('&') : '');
  }

  function show(e) {
    e.preventDefault();
    var form = $('report-form');
    D.clearProblems(form);
    $('csv-link').hidden = true;
    D.api('GET', query()).then(function (r) { last = r; render(r); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  function render(r) {
    $('result').hidden = false;
    $('result-title').textContent = D.t('r_' + r.name);
    var head = $('result-head');
    head.textContent = '';
    head.appendChild(D.el('tr', {}, r.columns.map(function (c) { return D.el('th', {}, [c.replace(/_tiyin$/, ' (' + D.t('som') + ')')]); })));
    var body = $('result-rows');
    body.textContent = '';
    var main = r.columns.indexOf(MAIN[r.name]);
    var total = 0;
    r.rows.forEach(function (row) {
      total += row[main];
      body.appendChild(D.el('tr', {}, row.map(function (v, i) {
        var money = /_tiyin$/.test(r.columns[i]);
        return D.el('td', { 'class': money ? 'money' : null }, [v === null ? '' : money ? som(v) : String(v)]);
      })));
    });
    $('result-total').textContent = som(total);
    $('result-total').setAttribute('data-tiyin', String(total));
    chart(r, main);
  }

  // the last chart is drawn again when the window changes width (its labels stay 12 px)
  var drawn = null;
  var redraw = null;
  window.addEventListener('resize', function () {
    clearTimeout(redraw);
    redraw = setTimeout(function () { if (drawn) { drawn(); } }, 150);
  });

  /** Bars of the main money column summed per label (first rows first), scaled to the largest. */
  function chart(r, main) {
    drawn = function () { chart(r, main); };
    var svg = $('chart');
    svg.textContent = '';
    var label = r.columns.indexOf(LABEL[r.name]);
    var sums = {};
    var order = [];
    r.rows.forEach(function (row) {
      var k = String(row[label]);
      if (!(k in sums)) { sums[k] = 0; order.push(k); }
      sums[k] += row[main];
    });
    var max = Math.max.apply(null, order.map(function (k) { return Math.abs(sums[k]); }).concat([1]));
    // drawn at the width it is shown at, so its 12 px labels are 12 px on a phone too; a label for every
    // bar that has room for one (a 5-character label is about 40 px wide)
    var width = Math.max(320, Math.round(svg.getBoundingClientRect().width) || 600);
    svg.setAttribute('viewBox', '0 0 ' + width + ' 220');
    var step = width / Math.max(order.length, 1);
    var every = Math.max(1, Math.ceil(44 / step));
    svg.appendChild(node('line', { x1: 0, y1: 200, x2: width, y2: 200, 'class': 'axis' }));
    order.forEach(function (k, i) {
      var h = Math.round(180 * Math.abs(sums[k]) / max);
      var bw = Math.min(step * 0.8, 48);
      var bar = node('rect', { x: i * step + (step - bw) / 2, y: 200 - h, width: bw, height: h,
        'class': sums[k] < 0 ? 'bar negative' : 'bar', 'data-label': k, 'data-tiyin': sums[k] });
      bar.appendChild(node('title', {}, k + ': ' + som(sums[k])));
      svg.appendChild(bar);
      if (i % every === 0) { svg.appendChild(node('text', { x: i * step + step / 2, y: 214, 'text-anchor': 'middle' }, k.slice(-5))); }
    });
    svg.setAttribute('data-bars', String(order.length));
  }

  function node(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = text; }
    return n;
  }

  /* The CSV needs the session's token: fetched, then offered as a blob to save. */
  function csv() {
    var session = window.Ek.session();
    var path = query();
    fetch(path + (path.indexOf('?') >= 0 ? '&' : '?') + 'format=csv',
      { headers: { Authorization: 'Bearer ' + (session ? session.accessToken : '') } })
      .then(function (r) { if (!r.ok) { throw new Error(D.t('failed')); } return r.text(); })
      .then(function (text) {
        var link = $('csv-link');
        link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
        link.download = $('r-name').value + '.csv';
        link.setAttribute('data-lines', String(text.split('\r\n').filter(function (l) { return l; }).length));
        link.hidden = false;
      }).catch(function (err) { D.showProblem($('report-form'), err); });
  }

  D.page(function () {
    $('report-form').addEventListener('submit', show);
    $('csv').addEventListener('click', csv);
    $('r-provider-label').hidden = D.role() !== 'ADMINISTRATOR';
    D.onLanguage(function () { if (last) { render(last); } });
  }, { CASHIER: true, OPERATOR: true, ADMINISTRATOR: true });
}());
