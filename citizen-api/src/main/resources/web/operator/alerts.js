/* Meters that need the operator: verification due soon or overdue (with a form to record one) and
   open leak alerts. Talks to /api/v1/operator/meters/verification, /api/v1/operator/meters/{serial}/verification
   and /api/v1/operator/leaks (see openapi.yaml); operators see their own provider's meters. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      unbilled: 'E’tibor talab qiladi', meterAlerts: 'Qiyoslash va sizib chiqish', meterAlertsTitle: 'Eʼtibor talab qiladigan hisoblagichlar',
      verificationTitle: 'Qiyoslash muddati', verificationHint: 'Muddati yaqinlashgan va oʻtgan hisoblagichlar. Muddati oʻtgan hisoblagich koʻrsatkichlari tekshiruvga qoldiriladi.',
      serial: 'Seriya raqami', utility: 'Xizmat', lastVerified: 'Oxirgi qiyoslash', dueOn: 'Muddat', status: 'Holat',
      verifiedOn: 'Qiyoslangan sana', recordVerification: 'Qiyoslashni yozish', recorded: 'Yozildi: ',
      nothingDue: 'Muddati yaqinlashgan hisoblagich yoʻq.', s_DUE_SOON: 'Muddati yaqin', s_OVERDUE: 'Muddati oʻtgan', s_VALID: 'Amalda',
      leaksTitle: 'Sizib chiqish ogohlantirishlari', leaksHint: 'Sarfi toʻxtamagan yoki odatdagidan keskin oshgan suv va gaz hisoblagichlari.',
      leakKind: 'Belgisi', since: 'Qachondan', detail: 'Tafsilot', noLeaks: 'Ochiq ogohlantirish yoʻq.',
      k_CONTINUOUS_FLOW: 'Sarf toʻxtamaydi', k_JUMP: 'Keskin oshish',
      u_electricity: 'Elektr energiyasi', u_gas: 'Gaz', u_cold_water: 'Sovuq suv', u_hot_water: 'Issiq suv', u_heat: 'Issiqlik',
      e8801: 'Bu sana hali kelmagan'
    },
    ru: {
      unbilled: 'Требуют внимания', meterAlerts: 'Поверка и утечки', meterAlertsTitle: 'Счётчики, требующие внимания',
      verificationTitle: 'Срок поверки', verificationHint: 'Счётчики, у которых срок поверки близко или прошёл. Показания просроченных счётчиков ждут проверки.',
      serial: 'Заводской номер', utility: 'Услуга', lastVerified: 'Последняя поверка', dueOn: 'Срок', status: 'Состояние',
      verifiedOn: 'Дата поверки', recordVerification: 'Записать поверку', recorded: 'Записано: ',
      nothingDue: 'Нет счётчиков с близким сроком поверки.', s_DUE_SOON: 'Срок близко', s_OVERDUE: 'Просрочен', s_VALID: 'Действует',
      leaksTitle: 'Сигналы об утечках', leaksHint: 'Счётчики воды и газа, у которых расход не прекращается или резко вырос.',
      leakKind: 'Признак', since: 'С какого времени', detail: 'Подробности', noLeaks: 'Открытых сигналов нет.',
      k_CONTINUOUS_FLOW: 'Расход не прекращается', k_JUMP: 'Резкий рост',
      u_electricity: 'Электроэнергия', u_gas: 'Газ', u_cold_water: 'Холодная вода', u_hot_water: 'Горячая вода', u_heat: 'Тепло',
      e8801: 'Этот день ещё не наступил'
    },
    en: {
      unbilled: 'Needs attention', meterAlerts: 'Verification and leaks', meterAlertsTitle: 'Meters that need attention',
      verificationTitle: 'Verification due', verificationHint: 'Meters due for verification soon or overdue. Readings of an overdue meter wait for review.',
      serial: 'Serial', utility: 'Utility', lastVerified: 'Last verified', dueOn: 'Due', status: 'Status',
      verifiedOn: 'Verified on', recordVerification: 'Record verification', recorded: 'Recorded: ',
      nothingDue: 'No meter is due for verification soon.', s_DUE_SOON: 'Due soon', s_OVERDUE: 'Overdue', s_VALID: 'Valid',
      leaksTitle: 'Leak alerts', leaksHint: 'Water and gas meters whose flow never stops or jumped far above their usual.',
      leakKind: 'Sign', since: 'Since', detail: 'Detail', noLeaks: 'No open alerts.',
      k_CONTINUOUS_FLOW: 'Flow never stops', k_JUMP: 'Sudden jump',
      u_electricity: 'Electricity', u_gas: 'Gas', u_cold_water: 'Cold water', u_hot_water: 'Hot water', u_heat: 'Heat',
      e8801: 'That day has not come yet'
    }
  });

  var due = [];
  var leaks = [];

  function render() {
    var body = $('verification-rows');
    body.textContent = '';
    due.forEach(function (m) {
      body.appendChild(D.el('tr', { 'data-serial': m.serial, 'class': m.status === 'OVERDUE' ? 'late' : '' }, [
        D.el('td', { 'class': 'serial' }, [m.serial]),
        D.el('td', {}, [D.i18n('span', 'u_' + m.utility)]),
        D.el('td', { 'class': 'when' }, [D.day(m.lastVerified)]),
        D.el('td', { 'class': 'when' }, [D.day(m.dueOn)]),
        D.el('td', { 'class': 'status' }, [D.i18n('span', 's_' + m.status)])
      ]));
    });
    $('verification-empty').hidden = due.length > 0;
    var rows = $('leak-rows');
    rows.textContent = '';
    leaks.forEach(function (a) {
      rows.appendChild(D.el('tr', { 'data-serial': a.serial }, [
        D.el('td', { 'class': 'serial' }, [a.serial]),
        D.el('td', {}, [D.i18n('span', 'u_' + a.utility)]),
        D.el('td', { 'class': 'kind' }, [D.i18n('span', 'k_' + a.kind)]),
        D.el('td', { 'class': 'when' }, [D.when(a.startedAt)]),
        D.el('td', { 'class': 'note' }, [a.detail])
      ]));
    });
    $('leak-empty').hidden = leaks.length > 0;
  }

  function load() {
    var form = $('verify-form');
    Promise.all([D.api('GET', '/api/v1/operator/meters/verification'), D.api('GET', '/api/v1/operator/leaks')])
      .then(function (r) { due = r[0].meters; leaks = r[1].alerts; render(); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  function record(e) {
    e.preventDefault();
    var form = $('verify-form');
    D.clearProblems(form);
    var serial = $('verify-serial').value.trim();
    D.api('POST', '/api/v1/operator/meters/' + encodeURIComponent(serial) + '/verification',
      { verifiedOn: $('verify-day').value })
      .then(function (m) { D.done(form, t('recorded') + m.serial + ' → ' + D.day(m.dueOn)); load(); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  D.page(function () {
    $('verify-form').addEventListener('submit', record);
    D.onLanguage(render);
    load();
  });
}());
