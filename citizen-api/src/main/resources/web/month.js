/* This month on each card: the metered use and what it costs so far, and where the month is heading
   at the pace so far, with the price block it reaches (GET /api/v1/accounts/{id}/month-to-date).
   Uses what app.js shares (window.Ekommunal); household.js puts the section on each card. */
(function () {
  'use strict';

  var STRINGS = {
    uz: { monthTitle: 'Shu oy', monthSoFar: 'Hozirgacha', monthForecast: 'Oy oxirigacha shu surʼatda',
      monthBlock: '{b}-pogʻona ({r}), {p}', monthFrom: '{f} dan yuqori', monthTooEarly: 'Prognoz uchun hali erta: oyning bir kunidan kamrogʻi oʻlchangan.',
      monthNoMeters: 'Hisoblagich koʻrsatkichlari yoʻq: bu oy faqat tarif boʻyicha hisoblanadi.', monthElapsed: 'Oyning {n} % oʻtdi ({d} holatiga)',
      monthTotal: 'Jami hisoblagich boʻyicha', monthEstimated: 'oy boshidagi koʻrsatkich taxminiy', monthNote: 'Faqat hisoblagich boʻyicha xizmatlar; doimiy toʻlovlar (chiqindi, m² boʻyicha isitish) kvitansiyada qoʻshiladi.' },
    ru: { monthTitle: 'Этот месяц', monthSoFar: 'На сегодня', monthForecast: 'К концу месяца в том же темпе',
      monthBlock: '{b}-я ступень ({r}), {p}', monthFrom: 'свыше {f}', monthTooEarly: 'Для прогноза ещё рано: измерено меньше суток месяца.',
      monthNoMeters: 'Показаний счётчиков нет: этот месяц начисляется только по тарифу.', monthElapsed: 'Прошло {n} % месяца (на {d})',
      monthTotal: 'Итого по счётчикам', monthEstimated: 'показание на начало месяца расчётное', monthNote: 'Только услуги по счётчикам; постоянные начисления (вывоз мусора, отопление по м²) добавятся в квитанции.' },
    en: { monthTitle: 'This month', monthSoFar: 'So far', monthForecast: 'By the month\u2019s end at this pace',
      monthBlock: 'block {b} ({r}), {p}', monthFrom: 'above {f}', monthTooEarly: 'Too early to forecast: less than a day of the month is measured.',
      monthNoMeters: 'No meter readings: this month is billed by the tariff alone.', monthElapsed: '{n} % of the month gone (as of {d})',
      monthTotal: 'Total of the metered services', monthEstimated: 'the month\u2019s opening reading is estimated', monthNote: 'Metered services only; fixed charges (garbage, heating per m²) are added on the bill.' }
  };
  var E, registered = false;

  function fill(key, values) {
    return E.t(key).replace(/\{(\w)\}/g, function (m, k) { return values[k]; });
  }

  function quantity(u, value) {
    return E.money(value) + '\u00a0' + E.unit(u.unit);
  }

  function block(u) {
    if (!u.block) { return E.soum(u.unitPrice) + '/' + E.unit(u.unit); }
    var range = u.blockTo ? E.money(u.blockFrom) + '–' + quantity(u, u.blockTo) : fill('monthFrom', { f: quantity(u, u.blockFrom) });
    return fill('monthBlock', { b: u.block, r: range, p: E.soum(u.unitPrice) + '/' + E.unit(u.unit) });
  }

  function row(m, u) {
    var items = [E.el('dt', {}, [E.t('u_' + u.utility)]),
      E.el('dd', { 'class': 'so-far' }, [E.t('monthSoFar') + ': ' + quantity(u, u.usedSoFar) + ' · ' + E.soum(u.costSoFar)
        + (u.estimated ? ' (' + E.t('monthEstimated') + ')' : '')])];
    if (!m.tooEarly) {
      items.push(E.el('dd', { 'class': 'forecast' }, [E.t('monthForecast') + ': ' + quantity(u, u.forecastUse) + ' · '
        + E.soum(u.forecastCost)]));
      items.push(E.el('dd', { 'class': 'block' }, [block(u)]));
    }
    return items;
  }

  function render(box, m) {
    while (box.childNodes.length > 1) { box.removeChild(box.lastChild); }
    if (!m.utilities.length) { box.appendChild(E.el('p', { 'class': 'note' }, [E.t('monthNoMeters')])); return; }
    var share = Math.round(Number(m.elapsed) * 100);
    box.appendChild(E.el('p', { 'class': 'note elapsed' }, [fill('monthElapsed', { n: share, d: E.day(m.asOf.substring(0, 10)) })]));
    box.appendChild(E.el('progress', { max: 100, value: share, 'aria-label': fill('monthElapsed', { n: share, d: '' }) }));
    var list = E.el('dl', { 'class': 'month-list' });
    m.utilities.forEach(function (u) { row(m, u).forEach(function (n) { list.appendChild(n); }); });
    box.appendChild(list);
    if (m.utilities.length > 1) {
      box.appendChild(E.el('p', { 'class': 'month-total' }, [E.t('monthTotal') + ': ' + E.soum(m.costSoFar)
        + (m.tooEarly ? '' : ' → ' + E.soum(m.forecastCost))]));
    }
    if (m.tooEarly) { box.appendChild(E.el('p', { 'class': 'note too-early' }, [E.t('monthTooEarly')])); }
    box.appendChild(E.el('p', { 'class': 'note' }, [E.t('monthNote')]));
  }

  function section(shared, c) {
    E = shared;
    if (!registered) { E.strings(STRINGS); registered = true; }
    var box = E.el('section', { 'class': 'month', 'data-account-id': c.accountId }, [E.i18n('h3', 'monthTitle')]);
    box.appendChild(E.i18n('p', 'loading', { 'class': 'note' }));
    E.api('GET', '/api/v1/accounts/' + c.accountId + '/month-to-date').then(function (m) { render(box, m); },
      function (e) { box.lastChild.textContent = e.message; });
    return box;
  }

  window.EkMonth = { section: section };
}());
