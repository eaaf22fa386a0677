/* Bill runs: open a provider's run for a month that has ended, follow its progress (shards,
   accounts, invoices, failures) until it finishes, and open it again (the API answers the same run,
   re-billing what failed). The runs opened here are kept for the browser tab. Problems are shown in
   the page's words only (E.showProblem). Talks to /api/v1/operator/bill-runs (see openapi.yaml). */
(function () {
  'use strict';
  var D = window.EkDesk, E = window.Ek;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var KEPT = 'ek.billRuns';
  var runs = {};
  var timer = null;
  var providers = [];

  D.texts({
    uz: {
      menu: 'Menyu', billRuns: 'Hisob-kitoblar', billRunsTitle: 'Oylik hisob-kitob (kvitansiyalar)',
      billRunsIntro: 'Tugagan oy uchun xizmat ko‘rsatuvchining barcha hisoblariga kvitansiya yoziladi; qayta ishga tushirish o‘sha hisob-kitobni davom ettiradi.',
      openRun: 'Hisob-kitobni boshlash', provider: 'Xizmat ko‘rsatuvchi', period: 'Oy', runsHere: 'Bu yerda boshlanganlar',
      noRunsYet: 'Hali hisob-kitob boshlanmagan', run: 'Hisob-kitob № {0}', accountsDone: 'Hisoblar: {0} / {1}',
      shards: 'Qismlar: {0} / {1}', invoices: 'Kvitansiyalar: {0}', failures: 'Xatolar: {0}', finished: 'tugadi {0}',
      running: 'bajarilmoqda', rerun: 'Qayta ishga tushirish', refresh: 'Yangilash', opened: 'Boshlandi: № {0}',
      e7006: 'Hisob-kitob topilmadi', e7007: 'Xizmat ko‘rsatuvchi topilmadi',
      k_electricity: 'elektr energiyasi', k_gas: 'tabiiy gaz', k_hot_water_heating: 'issiq suv va isitish',
      k_cold_water: 'sovuq suv', k_garbage: 'chiqindilar', k_single_billing: 'yagona hisob'
    },
    ru: {
      menu: 'Меню', billRuns: 'Начисления', billRunsTitle: 'Ежемесячное начисление (квитанции)',
      billRunsIntro: 'За закончившийся месяц выставляются квитанции по всем счетам поставщика; повторный запуск продолжает то же начисление.',
      openRun: 'Запустить начисление', provider: 'Поставщик', period: 'Месяц', runsHere: 'Запущенные здесь',
      noRunsYet: 'Начислений ещё не запускали', run: 'Начисление № {0}', accountsDone: 'Счета: {0} / {1}',
      shards: 'Части: {0} / {1}', invoices: 'Квитанции: {0}', failures: 'Ошибки: {0}', finished: 'завершено {0}',
      running: 'выполняется', rerun: 'Запустить повторно', refresh: 'Обновить', opened: 'Запущено: № {0}',
      e7006: 'Начисление не найдено', e7007: 'Поставщик не найден',
      k_electricity: 'электроэнергия', k_gas: 'природный газ', k_hot_water_heating: 'горячая вода и отопление',
      k_cold_water: 'холодная вода', k_garbage: 'вывоз мусора', k_single_billing: 'единый счёт'
    },
    en: {
      menu: 'Menu', billRuns: 'Bill runs', billRunsTitle: 'Monthly bill runs (invoices)',
      billRunsIntro: 'For a month that has ended, every account of the provider gets its invoice; opening it again carries on the same run.',
      openRun: 'Open the run', provider: 'Provider', period: 'Month', runsHere: 'Opened here',
      noRunsYet: 'No run opened yet', run: 'Bill run № {0}', accountsDone: 'Accounts: {0} / {1}',
      shards: 'Shards: {0} / {1}', invoices: 'Invoices: {0}', failures: 'Failures: {0}', finished: 'finished {0}',
      running: 'running', rerun: 'Run again', refresh: 'Refresh', opened: 'Opened: № {0}',
      e7006: 'Bill run not found', e7007: 'Provider not found',
      k_electricity: 'electricity', k_gas: 'natural gas', k_hot_water_heating: 'hot water and heating',
      k_cold_water: 'cold water', k_garbage: 'garbage removal', k_single_billing: 'single bill'
    }
  });

  /** The providers by code and utility, in the page's language (their registered names are not translated). */
  function providerOptions() {
    var select = $('br-provider'), was = select.value;
    select.textContent = '';
    providers.forEach(function (p) {
      var kind = 'k_' + p.utility;
      // the code is the provider's identifier (DEMO-WATER), not a text to translate
      select.appendChild(el('option', { value: p.id, translate: 'no' }, [p.code + (E.has(kind) ? ' · ' + t(kind) : '')]));
    });
    if (was) { select.value = was; }
  }

  /** Last month, "2026-11": the latest a run may bill. */
  function lastMonth() {
    var d = new Date(Date.parse(E.today() + 'T00:00:00Z'));
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return d.toISOString().slice(0, 7);
  }

  function render() {
    var list = $('runs');
    list.textContent = '';
    var ids = Object.keys(runs).sort(function (a, b) { return b - a; });
    $('runs-none').hidden = ids.length > 0;
    ids.forEach(function (id) { list.appendChild(card(runs[id])); });
  }

  function card(r) {
    var again = el('button', { type: 'button', 'class': 'small', 'data-rerun': r.id }, [t('rerun')]);
    again.addEventListener('click', function () { open(r.providerId, r.period); });
    var share = r.accountsTotal ? Math.floor(100 * r.accountsDone / r.accountsTotal) : (r.done ? 100 : 0);
    return el('li', { 'data-run': r.id, 'data-done': String(r.done) }, [
      el('div', { 'class': 'row' }, [el('b', {}, [t('run', r.id) + ' · ' + r.period]),
        el('span', { 'class': r.done ? 'tag ok' : 'tag' }, [r.done ? t('finished', E.when(r.finishedAt)) : t('running')])]),
      el('progress', { max: '100', value: String(share), 'aria-label': t('accountsDone', r.accountsDone, r.accountsTotal) }),
      el('p', { 'class': 'counts' }, [t('accountsDone', E.number(r.accountsDone), E.number(r.accountsTotal)) + ' · '
        + t('shards', r.shardsDone, r.shardsTotal) + ' · ' + t('invoices', E.number(r.invoices)) + ' · '
        + t('failures', E.number(r.failures))]),
      again
    ]);
  }

  function keep(r) {
    runs[r.id] = r;
    sessionStorage.setItem(KEPT, JSON.stringify(Object.keys(runs)));
    render();
    follow();
  }

  /** Polls the runs still going, once a second, until all are done. */
  function follow() {
    if (timer) { return; }
    timer = setTimeout(function () {
      timer = null;
      var going = Object.keys(runs).filter(function (id) { return !runs[id].done; });
      Promise.all(going.map(function (id) { return D.api('GET', '/api/v1/operator/bill-runs/' + id); }))
        .then(function (list) {
          list.forEach(function (r) { runs[r.id] = r; });
          render();
          if (list.some(function (r) { return !r.done; })) { follow(); }
        }, function () { /* shown on the next user action */ });
    }, 1000);
  }

  function open(providerId, period) {
    var form = $('run-form');
    D.clearProblems(form);
    D.done(form, '');
    var body = { period: period };
    if (providerId) { body.providerId = +providerId; }
    return D.api('POST', '/api/v1/operator/bill-runs', body).then(function (r) {
      D.done(form, t('opened', r.id));
      keep(r);
    }, function (e) { E.showProblem(form, e); });
  }

  D.page(function () {
    var admin = D.role() === 'ADMINISTRATOR';
    $('br-provider-label').hidden = !admin;
    $('br-period').value = lastMonth();
    $('run-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (D.filled($('run-form'), 'br-period')) { open(admin ? $('br-provider').value : null, $('br-period').value); }
    });
    D.onLanguage(function () { render(); providerOptions(); });
    var kept = JSON.parse(sessionStorage.getItem(KEPT) || '[]');
    Promise.all(kept.map(function (id) {
      return D.api('GET', '/api/v1/operator/bill-runs/' + id).then(function (r) { runs[r.id] = r; }, function () {});
    })).then(function () { render(); follow(); });
    if (admin) {
      D.api('GET', '/api/v1/admin/providers').then(function (r) {
        providers = r.items;
        providerOptions();
      }, function (e) { E.showProblem($('run-form'), e); });
    }
  });
}());
