/* A household's notices: open leak alerts of its meters, each meter's verification due date, and
   which SMS it gets (each kind turned on or off as it is clicked). Talks to /api/v1/me/notices and
   /api/v1/me/notices/preferences (see openapi.yaml). */
(function () {
  'use strict';
  var E = window.Ek;
  var t = E.t;
  var $ = function (id) { return document.getElementById(id); };

  E.texts({
    uz: {
      home: 'Bosh sahifa', menu: 'Menyu', myNotices: 'Xabarnomalarim', signInFirst: 'Avval tizimga kiring.', toSignIn: 'Kirish',
      leaksTitle: 'Sizib chiqish ogohlantirishlari', noLeaks: 'Ogohlantirish yoʻq.',
      leak_CONTINUOUS_FLOW: '{s}: {since} dan beri sarf toʻxtamayapti. Joʻmraklar, bachok va quvurlarni tekshiring.',
      leak_JUMP: '{s}: oxirgi bir kunda sarf odatdagidan ancha koʻp ({since} dan beri). Sizib chiqishni tekshiring.',
      verificationTitle: 'Hisoblagichlarni qiyoslash', serial: 'Seriya raqami', utility: 'Xizmat', dueOn: 'Qiyoslash muddati',
      status: 'Holat', noMeters: 'Bogʻlangan hisoblagich yoʻq.',
      s_VALID: 'Amalda', s_DUE_SOON: 'Muddati yaqin', s_OVERDUE: 'Muddati oʻtgan: koʻrsatkichlar tekshiruvda',
      u_electricity: 'Elektr energiyasi', u_gas: 'Gaz', u_cold_water: 'Sovuq suv', u_hot_water: 'Issiq suv', u_heat: 'Issiqlik',
      smsTitle: 'SMS xabarnomalar', billIssued: 'Hisob chiqarilganda', debtReminder: 'Toʻlov muddatidan oldin, qarz boʻlsa',
      paymentCredited: 'Toʻlov qabul qilinganda', verificationDue: 'Qiyoslash muddati yaqinlashganda',
      leakAlert: 'Sizib chiqish gumon qilinganda', saved: 'Saqlandi'
    },
    ru: {
      home: 'Главная', menu: 'Меню', myNotices: 'Мои уведомления', signInFirst: 'Сначала войдите.', toSignIn: 'Войти',
      leaksTitle: 'Сигналы об утечках', noLeaks: 'Сигналов нет.',
      leak_CONTINUOUS_FLOW: '{s}: расход не прекращается с {since}. Проверьте краны, бачок и трубы.',
      leak_JUMP: '{s}: за последние сутки расход намного больше обычного (с {since}). Проверьте, нет ли утечки.',
      verificationTitle: 'Поверка счётчиков', serial: 'Заводской номер', utility: 'Услуга', dueOn: 'Срок поверки',
      status: 'Состояние', noMeters: 'Привязанных счётчиков нет.',
      s_VALID: 'Действует', s_DUE_SOON: 'Срок близко', s_OVERDUE: 'Просрочен: показания ждут проверки',
      u_electricity: 'Электроэнергия', u_gas: 'Газ', u_cold_water: 'Холодная вода', u_hot_water: 'Горячая вода', u_heat: 'Тепло',
      smsTitle: 'SMS-уведомления', billIssued: 'Когда выставлен счёт', debtReminder: 'Перед сроком оплаты, если есть долг',
      paymentCredited: 'Когда платёж зачислен', verificationDue: 'Когда подходит срок поверки',
      leakAlert: 'Когда похоже на утечку', saved: 'Сохранено'
    },
    en: {
      home: 'Home', menu: 'Menu', myNotices: 'My notices', signInFirst: 'Sign in first.', toSignIn: 'Sign in',
      leaksTitle: 'Leak alerts', noLeaks: 'No alerts.',
      leak_CONTINUOUS_FLOW: '{s}: the flow has not stopped since {since}. Check the taps, the cistern and the pipes.',
      leak_JUMP: '{s}: far more used in the last day than usual (since {since}). Check for a leak.',
      verificationTitle: 'Meter verification', serial: 'Serial', utility: 'Utility', dueOn: 'Verification due',
      status: 'Status', noMeters: 'No linked meters.',
      s_VALID: 'Valid', s_DUE_SOON: 'Due soon', s_OVERDUE: 'Overdue: readings wait for review',
      u_electricity: 'Electricity', u_gas: 'Gas', u_cold_water: 'Cold water', u_hot_water: 'Hot water', u_heat: 'Heat',
      smsTitle: 'SMS notices', billIssued: 'When a bill is issued', debtReminder: 'Before the due date, if a debt remains',
      paymentCredited: 'When a payment is credited', verificationDue: 'When a meter is due for verification',
      leakAlert: 'When a leak is suspected', saved: 'Saved'
    }
  });

  var notices = { verifications: [], leaks: [] };

  function render() {
    var leaks = $('leaks');
    leaks.textContent = '';
    notices.leaks.forEach(function (a) {
      leaks.appendChild(E.el('li', { 'class': 'alert', 'data-serial': a.serial }, [
        t('leak_' + a.kind).replace('{s}', a.serial).replace('{since}', E.when(a.startedAt))]));
    });
    $('no-leaks').hidden = notices.leaks.length > 0;
    var rows = $('verifications');
    rows.textContent = '';
    notices.verifications.forEach(function (v) {
      rows.appendChild(E.el('tr', { 'data-serial': v.serial, 'class': v.status === 'VALID' ? '' : 'late' }, [
        E.el('td', { 'class': 'serial' }, [v.serial]), E.el('td', {}, [t('u_' + v.utility)]),
        E.el('td', { 'class': 'when' }, [E.day(v.dueOn)]), E.el('td', { 'class': 'status' }, [t('s_' + v.status)])]));
    });
    $('no-meters').hidden = notices.verifications.length > 0;
  }

  function showPrefs(p) {
    Object.keys(p).forEach(function (k) {
      var box = $('prefs').querySelector('input[name="' + k + '"]');
      if (box) { box.checked = p[k]; }
    });
  }

  function change(ev) {
    var form = $('prefs');
    E.clearProblems(form);
    var body = {};
    body[ev.target.name] = ev.target.checked;
    E.api('PUT', '/api/v1/me/notices/preferences', body)
      .then(function (p) { showPrefs(p); E.done(form, t('saved')); })
      .catch(function (err) { E.showProblem(form, err); });
  }

  E.languageButtons();
  E.onLanguage(render);
  E.applyLanguage();
  if (!E.session()) {
    $('signed-out').hidden = false;
    return;
  }
  $('mine').hidden = false;
  $('prefs').addEventListener('change', change);
  E.api('GET', '/api/v1/me/notices').then(function (n) { notices = n; render(); })
    .catch(function (err) { E.showProblem($('prefs'), err); });
  E.api('GET', '/api/v1/me/notices/preferences').then(showPrefs)
    .catch(function (err) { E.showProblem($('prefs'), err); });
}());
