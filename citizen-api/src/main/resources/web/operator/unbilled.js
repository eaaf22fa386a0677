/* The accounts a bill run listed for attention instead of billing them, each with its reason in the
   reader's language, and a button per run to bill them again once the data is fixed. Talks to
   /api/v1/operator/unbilled and /api/v1/operator/bill-runs/{id}/retry (see openapi.yaml); the API
   shows an operator only their own provider's runs. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      unbilled: 'E’tibor talab qiladi', unbilledTitle: 'Hisob-kitob qilinmagan shaxsiy hisoblar',
      unbilledHint: 'Hisob-kitob bu hisoblarga narx qo‘ya olmadi. Ma’lumotlarni tuzating va qayta hisoblang.',
      providerId: 'Xizmat ko‘rsatuvchi ID', period: 'Davr', accountNumber: 'Shaxsiy hisob', reason: 'Sabab',
      detail: 'Tafsilot', nothingUnbilled: 'Hamma hisoblar hisob-kitob qilingan.', retry: 'Qayta hisoblash',
      retried: 'Qayta hisoblashga yuborildi: ',
      reasonNO_HOUSEHOLD_FACTS: 'Xonadon ma’lumotlari yo‘q', reasonNO_TARIFF: 'Bu ma’lumotlar uchun tarif yo‘q',
      reasonNO_NORM: 'Iste’mol normasi yo‘q', reasonNO_STOVE_PRICES: 'Elektr plitali xonadonlar uchun narxlar yo‘q',
      reasonREFUSED: 'Tarif hisoblagichi rad etdi', e7006: 'Hisob-kitob topilmadi', e7007: 'Xizmat ko‘rsatuvchi topilmadi'
    },
    ru: {
      unbilled: 'Требуют внимания', unbilledTitle: 'Лицевые счета без начисления',
      unbilledHint: 'Расчёт не смог оценить эти счета. Исправьте данные и запустите расчёт снова.',
      providerId: 'ID поставщика', period: 'Период', accountNumber: 'Лицевой счёт', reason: 'Причина',
      detail: 'Подробности', nothingUnbilled: 'Все счета начислены.', retry: 'Начислить снова',
      retried: 'Отправлено на повторный расчёт: ',
      reasonNO_HOUSEHOLD_FACTS: 'Нет данных о домохозяйстве', reasonNO_TARIFF: 'Нет тарифа для этих данных',
      reasonNO_NORM: 'Нет нормы потребления', reasonNO_STOVE_PRICES: 'Нет цен для квартир с электроплитой',
      reasonREFUSED: 'Тарифный расчёт отклонил данные', e7006: 'Расчёт не найден', e7007: 'Поставщик не найден'
    },
    en: {
      unbilled: 'Needs attention', unbilledTitle: 'Accounts a bill run could not price',
      unbilledHint: 'The bill run could not price these accounts. Fix their data, then bill them again.',
      providerId: 'Provider ID', period: 'Period', accountNumber: 'Account', reason: 'Reason',
      detail: 'Detail', nothingUnbilled: 'Every account was billed.', retry: 'Bill again',
      retried: 'Sent to be billed again: ',
      reasonNO_HOUSEHOLD_FACTS: 'No household facts', reasonNO_TARIFF: 'No tariff for these facts',
      reasonNO_NORM: 'No consumption norm', reasonNO_STOVE_PRICES: 'No electric-stove price list',
      reasonREFUSED: 'The tariff engine refused it', e7006: 'Bill run not found', e7007: 'Provider not found'
    }
  });

  var items = [];

  /**
   * The bill run's own words (English, for support): shown as they are on the English page, folded
   * under "Detail" on the others, where the translated reason beside them says what is wrong.
   */
  function engineWords(message) {
    if (D.lang() === 'en') { return message; }
    return D.el('details', {}, [D.i18n('summary', 'detail'), D.el('span', { lang: 'en' }, [message])]);
  }

  function render() {
    var body = $('unbilled-rows');
    body.textContent = '';
    items.forEach(function (u) {
      body.appendChild(D.el('tr', { 'data-account': u.number }, [
        D.el('td', { 'class': 'when' }, [u.period]),
        D.el('td', { 'class': 'serial' }, [u.number]),
        D.el('td', { 'class': 'reason' }, [D.i18n('span', 'reason' + u.reason)]),
        D.el('td', { 'class': 'note' }, [u.message ? engineWords(u.message) : ''])
      ]));
    });
    $('unbilled-empty').hidden = items.length > 0;
    var runs = $('retries');
    runs.textContent = '';
    var seen = {};
    items.forEach(function (u) {
      if (seen[u.runId]) { return; }
      seen[u.runId] = true;
      var b = D.el('button', { type: 'button', 'class': 'small', 'data-run': u.runId }, [t('retry') + ' · ' + u.period]);
      b.addEventListener('click', function () { retry(u.runId, u.period); });
      runs.appendChild(b);
    });
  }

  function load(e) {
    if (e) { e.preventDefault(); }
    var form = $('filter-form');
    D.clearProblems(form);
    var provider = $('provider').value.trim();
    D.api('GET', '/api/v1/operator/unbilled' + (provider ? '?providerId=' + encodeURIComponent(provider) : ''))
      .then(function (r) { items = r.items; render(); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  function retry(runId, period) {
    var form = $('filter-form');
    D.clearProblems(form);
    D.api('POST', '/api/v1/operator/bill-runs/' + runId + '/retry', {})
      .then(function () { D.done(form, t('retried') + period); load(); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  D.page(function () {
    $('provider-label').hidden = D.role() !== 'ADMINISTRATOR';
    $('filter-form').addEventListener('submit', load);
    load();
  });
}());
