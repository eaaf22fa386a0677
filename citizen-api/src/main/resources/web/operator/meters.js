/* The operators' meters page: list and search meters (cursor pages), register, link to an account,
   replace (with the old meter's final reading), retire; offline Modbus meters; quarantined readings.
   Talks only to /api/v1/operator (see openapi.yaml). */
(function () {
  'use strict';
  var D = window.EkDesk;
  var el = D.el, t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      secretTitle: 'Hisoblagich paroli (MQTT)', secretIssue: 'Yangi parol berish', secretRevoke: 'Parolni bekor qilish',
      secretOnce: 'Parol faqat hozir ko‘rsatiladi: uni hisoblagichga hozir yozing (foydalanuvchi nomi = seriya raqami).',
      secretIssued: 'Yangi parol berildi: ', secretRevoked: 'Parol bekor qilindi: ', hasSecret: 'parol bor',
      metersTitle: 'Hisoblagichlar', searchSerial: 'Seriya raqami bo‘yicha qidirish', serialExample: 'masalan, E100',
      onlyOffline: 'Faqat aloqada bo‘lmaganlar', search: 'Qidirish', serial: 'Seriya raqami', utility: 'Xizmat',
      protocol: 'Protokol', installed: 'O‘rnatilgan', status: 'Holati', inService: 'ishlamoqda',
      retiredOn: 'xizmatdan chiqarilgan', online: 'aloqada', offline: 'aloqa yo‘q', use: 'Tanlash',
      registerTitle: 'Yangi hisoblagichni ro‘yxatga olish', digits: 'Raqamlar soni', multiplier: 'Koeffitsiyent',
      installedAt: 'O‘rnatilgan sana (bo‘sh: hozir)', modbusTitle: 'Modbus manzili', host: 'Xost (IP)', port: 'Port',
      unit: 'Qurilma raqami (unit)', interval: 'So‘rov oralig‘i, soniya', register: 'Ro‘yxatga olish',
      registered: 'Ro‘yxatga olindi: ', linkTitle: 'Hisoblagichni shaxsiy hisobga bog‘lash',
      accountNumber: 'Shaxsiy hisob raqami', chooseAccount: 'Qaysi hisob?', register_: 'Registr (OBIS)',
      link: 'Bog‘lash', linked: 'Bog‘landi: ', noAccount: 'Bunday shaxsiy hisob sizning hisoblar orasida yo‘q',
      several: 'Bu raqamli bir nechta hisob bor: birini tanlang',
      linkCodeTitle: 'Hisobni ulash kodi', showCode: 'Kodni ko‘rsatish', reissueCode: 'Yangi kod berish',
      linkCodeNote: 'Kvitansiyasini yo‘qotgan abonentga: kod portalda hisobni ulash uchun kerak. Yangi kod eskisini bekor qiladi.',
      codeIs: 'Ulash kodi: ', codeReissued: 'Yangi ulash kodi (eskisi endi ishlamaydi): ', replaceTitle: 'Hisoblagichni almashtirish',
      oldSerial: 'Eski hisoblagich seriya raqami', finalReading: 'Eski hisoblagichning oxirgi ko‘rsatkichi',
      newSerial: 'Yangi hisoblagich seriya raqami', replacedAt: 'Almashtirilgan vaqt (Toshkent vaqti)',
      replace: 'Almashtirish', replaced: 'Almashtirildi: ', retireTitle: 'Hisoblagichni xizmatdan chiqarish',
      retiredAt: 'Chiqarilgan vaqt (Toshkent vaqti)', retire: 'Xizmatdan chiqarish', retired: 'Xizmatdan chiqarildi: ',
      offlineTitle: 'Aloqa yo‘q hisoblagichlar (Modbus)', noOffline: 'Hamma so‘raladigan hisoblagichlar aloqada',
      lastError: 'xato', since: 'dan beri', quarantineTitle: 'Karantindagi ko‘rsatkichlar',
      quarantineNote: 'Shlyuz saqlay olmagan xabarlar, eng yangilari birinchi.', noQuarantine: 'Karantin bo‘sh',
      more: 'Yana', m_electricity: 'Elektr energiyasi', m_gas: 'Gaz', m_cold_water: 'Sovuq suv',
      m_hot_water: 'Issiq suv', m_heat: 'Issiqlik'
    },
    ru: {
      secretTitle: 'Пароль счётчика (MQTT)', secretIssue: 'Выдать новый пароль', secretRevoke: 'Отозвать пароль',
      secretOnce: 'Пароль показывается только сейчас: запишите его в счётчик (имя пользователя = серийный номер).',
      secretIssued: 'Выдан новый пароль: ', secretRevoked: 'Пароль отозван: ', hasSecret: 'есть пароль',
      metersTitle: 'Счётчики', searchSerial: 'Поиск по серийному номеру', serialExample: 'например, E100',
      onlyOffline: 'Только не на связи', search: 'Найти', serial: 'Серийный номер', utility: 'Услуга',
      protocol: 'Протокол', installed: 'Установлен', status: 'Состояние', inService: 'в работе',
      retiredOn: 'выведен', online: 'на связи', offline: 'нет связи', use: 'Выбрать',
      registerTitle: 'Регистрация нового счётчика', digits: 'Разрядность', multiplier: 'Коэффициент',
      installedAt: 'Дата установки (пусто: сейчас)', modbusTitle: 'Адрес Modbus', host: 'Хост (IP)', port: 'Порт',
      unit: 'Номер устройства (unit)', interval: 'Интервал опроса, секунд', register: 'Зарегистрировать',
      registered: 'Зарегистрирован: ', linkTitle: 'Привязать счётчик к лицевому счёту',
      accountNumber: 'Номер лицевого счёта', chooseAccount: 'Какой счёт?', register_: 'Регистр (OBIS)',
      link: 'Привязать', linked: 'Привязан: ', noAccount: 'Такого лицевого счёта нет среди ваших',
      several: 'С этим номером несколько счетов: выберите один',
      linkCodeTitle: 'Код привязки счёта', showCode: 'Показать код', reissueCode: 'Выдать новый код',
      linkCodeNote: 'Для абонента, потерявшего квитанцию: код нужен, чтобы привязать счёт на портале. Новый код отменяет прежний.',
      codeIs: 'Код привязки: ', codeReissued: 'Новый код привязки (прежний больше не действует): ', replaceTitle: 'Замена счётчика',
      oldSerial: 'Серийный номер старого счётчика', finalReading: 'Последнее показание старого счётчика',
      newSerial: 'Серийный номер нового счётчика', replacedAt: 'Время замены (по Ташкенту)',
      replace: 'Заменить', replaced: 'Заменён: ', retireTitle: 'Вывод счётчика из эксплуатации',
      retiredAt: 'Время вывода (по Ташкенту)', retire: 'Вывести', retired: 'Выведен: ',
      offlineTitle: 'Счётчики без связи (Modbus)', noOffline: 'Все опрашиваемые счётчики на связи',
      lastError: 'ошибка', since: 'с', quarantineTitle: 'Показания в карантине',
      quarantineNote: 'Сообщения, которые шлюз не смог сохранить, новые сверху.', noQuarantine: 'Карантин пуст',
      more: 'Ещё', m_electricity: 'Электроэнергия', m_gas: 'Газ', m_cold_water: 'Холодная вода',
      m_hot_water: 'Горячая вода', m_heat: 'Тепло'
    },
    en: {
      secretTitle: 'Meter password (MQTT)', secretIssue: 'Issue a new password', secretRevoke: 'Revoke the password',
      secretOnce: 'The password is shown only now: put it into the meter now (user name = serial).',
      secretIssued: 'New password issued: ', secretRevoked: 'Password revoked: ', hasSecret: 'has password',
      metersTitle: 'Meters', searchSerial: 'Search by serial', serialExample: 'e.g. E100',
      onlyOffline: 'Only offline', search: 'Search', serial: 'Serial number', utility: 'Utility',
      protocol: 'Protocol', installed: 'Installed', status: 'Status', inService: 'in service',
      retiredOn: 'retired', online: 'online', offline: 'offline', use: 'Select',
      registerTitle: 'Register a new meter', digits: 'Register digits', multiplier: 'Multiplier',
      installedAt: 'Installed on (empty: now)', modbusTitle: 'Modbus endpoint', host: 'Host (IP)', port: 'Port',
      unit: 'Unit id', interval: 'Poll every, seconds', register: 'Register',
      registered: 'Registered: ', linkTitle: 'Link a meter to a personal account',
      accountNumber: 'Personal account number', chooseAccount: 'Which account?', register_: 'Register (OBIS)',
      link: 'Link', linked: 'Linked: ', noAccount: 'No such personal account among yours',
      several: 'Several accounts have this number: choose one',
      linkCodeTitle: 'Account link code', showCode: 'Show the code', reissueCode: 'Issue a new code',
      linkCodeNote: 'For a household that lost its receipt: the code links the account on the portal. A new code voids the old one.',
      codeIs: 'Link code: ', codeReissued: 'New link code (the old one no longer works): ', replaceTitle: 'Replace a meter',
      oldSerial: 'Old meter serial', finalReading: 'Old meter final reading',
      newSerial: 'New meter serial', replacedAt: 'Replaced at (Tashkent time)',
      replace: 'Replace', replaced: 'Replaced: ', retireTitle: 'Retire a meter',
      retiredAt: 'Retired at (Tashkent time)', retire: 'Retire', retired: 'Retired: ',
      offlineTitle: 'Offline meters (Modbus)', noOffline: 'Every polled meter answers',
      lastError: 'error', since: 'since', quarantineTitle: 'Quarantined readings',
      quarantineNote: 'Messages the gateway could not store, newest first.', noQuarantine: 'Nothing in quarantine',
      more: 'More', m_electricity: 'Electricity', m_gas: 'Gas', m_cold_water: 'Cold water',
      m_hot_water: 'Hot water', m_heat: 'Heat'
    }
  });

  var PAGE = 20;
  var cursors = [null];   // the cursor of each page seen; the last one is the page shown
  var nextCursor = null;
  var quarantineCursor = null;
  var loads = 0;          // a load count on the list, so a watcher tells a new list from the old

  function value(id) { return $(id).value.trim(); }

  /* ---- The list ---- */

  function status(m) {
    var parts = [m.replacedAt ? el('span', { 'class': 'tag retired' }, [D.i18n('span', 'retiredOn'), ' ' + D.when(m.replacedAt)])
      : D.i18n('span', 'inService', { 'class': 'tag ok' })];
    if (m.hasSecret) {
      parts.push(D.i18n('span', 'hasSecret', { 'class': 'tag ok' }));
    }
    if (m.modbus) {
      parts.push(D.i18n('span', m.modbus.online ? 'online' : 'offline',
        { 'class': 'tag ' + (m.modbus.online ? 'ok' : 'warn') }));
    }
    return parts;
  }

  function row(m) {
    var pick = D.i18n('button', 'use', { type: 'button', 'class': 'link use', 'data-serial': m.serial });
    pick.addEventListener('click', function () { choose(m.serial); });
    return el('tr', { 'data-serial': m.serial, 'class': m.replacedAt ? 'retired' : null }, [
      el('td', { 'class': 'serial' }, [el('b', {}, [m.serial])]),
      el('td', {}, [D.i18n('span', 'm_' + m.utility)]),
      el('td', {}, [m.protocol]),
      el('td', { 'class': 'when' }, [D.when(m.installedAt)]),
      el('td', { 'class': 'status' }, status(m)),
      el('td', {}, [pick])
    ]);
  }

  /** A meter picked from the list fills the serial of the link, replace and retire forms. */
  function choose(serial) {
    ['link-serial', 'rep-serial', 'ret-serial', 'sec-serial'].forEach(function (id) { $(id).value = serial; });
  }

  function query(cursor) {
    var q = '?limit=' + PAGE;
    if (value('search-serial')) { q += '&serial=' + encodeURIComponent(value('search-serial')); }
    if ($('search-offline').checked) { q += '&offline=true'; }
    if (cursor) { q += '&cursor=' + encodeURIComponent(cursor); }
    return q;
  }

  function loadMeters() {
    var form = $('search-form');
    D.clearProblems(form);
    var cursor = cursors[cursors.length - 1];
    return D.api('GET', '/api/v1/operator/meters' + query(cursor)).then(function (body) {
      var box = $('meters');
      box.textContent = '';
      body.items.forEach(function (m) { box.appendChild(row(m)); });
      box.setAttribute('data-loaded', String(++loads));
      $('meters-empty').hidden = body.items.length > 0;
      nextCursor = body.nextCursor;
      $('meters-next').disabled = !nextCursor;
      $('meters-prev').disabled = cursors.length < 2;
      $('meters-page').textContent = t('page') + ' ' + cursors.length;
    }, function (e) { D.showProblem(form, e); });
  }

  function search(ev) {
    ev.preventDefault();
    cursors = [null];
    loadMeters();
  }

  /* ---- Forms ---- */

  /** Sends a form's request; on success shows the message and reloads the lists. */
  function submit(form, button, request, success) {
    D.clearProblems(form);
    D.done(form, '');
    $(button).disabled = true;
    return request().then(function (answer) {
      D.done(form, success(answer));
      loadMeters();
      loadOffline();
    }, function (e) { D.showProblem(form, e); })
      .then(function () { $(button).disabled = false; });
  }

  function registerMeter(ev) {
    ev.preventDefault();
    var body = {
      serial: value('reg-serial'), utility: value('reg-utility'), protocol: value('reg-protocol'),
      registerDigits: Number(value('reg-digits') || 6), multiplier: value('reg-multiplier') || '1'
    };
    if (value('reg-installed')) { body.installedAt = value('reg-installed'); }
    if (body.protocol === 'modbus') {
      body.modbus = { host: value('reg-host'), port: Number(value('reg-port') || 502),
        unit: Number(value('reg-unit') || 1), intervalSeconds: Number(value('reg-interval') || 60) };
    }
    submit($('register-form'), 'reg-submit', function () { return D.api('POST', '/api/v1/operator/meters', body); },
      function (m) {
        $('reg-serial').value = '';
        choose(m.serial);
        showSecret(m.serial, m.secret);
        return t('registered') + m.serial;
      });
  }

  /** A meter's new secret, shown this once (the server keeps only its hash). */
  function showSecret(serial, secret) {
    $('secret-box').hidden = !secret;
    $('secret-user').textContent = secret ? serial : '';
    $('secret-shown').textContent = secret || '';
  }

  function issueSecret() {
    var serial = value('sec-serial');
    if (!D.filled($('secret-form'), 'sec-serial')) { return; }
    submit($('secret-form'), 'sec-issue', function () {
      return D.api('POST', '/api/v1/operator/meters/' + encodeURIComponent(serial) + '/secret', {});
    }, function (answer) { showSecret(answer.serial, answer.secret); return t('secretIssued') + answer.serial; });
  }

  function revokeSecret() {
    var serial = value('sec-serial');
    if (!D.filled($('secret-form'), 'sec-serial')) { return; }
    showSecret(null, null);
    submit($('secret-form'), 'sec-revoke', function () {
      return D.api('DELETE', '/api/v1/operator/meters/' + encodeURIComponent(serial) + '/secret');
    }, function () { return t('secretRevoked') + serial; });
  }

  /** The account to link: the one chosen, or the only one with that number among the caller's. */
  function account() {
    if (!$('link-choice').hidden && $('link-account').value) {
      return Promise.resolve(Number($('link-account').value));
    }
    var number = value('link-number');
    return D.api('GET', '/api/v1/operator/accounts?number=' + encodeURIComponent(number)).then(function (body) {
      if (body.items.length === 1) { return body.items[0].id; }
      var e = new Error(t(body.items.length ? 'several' : 'noAccount'));
      e.problem = { field: 'number', detail: e.message };
      if (body.items.length) {
        var select = $('link-account');
        select.textContent = '';
        body.items.forEach(function (a) {
          select.appendChild(el('option', { value: String(a.id) },
            [a.number + ' · ' + a.holderName + ' · ' + a.provider.name]));
        });
        $('link-choice').hidden = false;
      }
      throw e;
    });
  }

  function linkMeter(ev) {
    ev.preventDefault();
    var serial = value('link-serial'), register = value('link-register');
    submit($('link-form'), 'link-submit', function () {
      return account().then(function (id) {
        return D.api('POST', '/api/v1/operator/accounts/' + id + '/meters', { serial: serial, register: register });
      });
    }, function (r) {
      $('link-choice').hidden = true;
      return t('linked') + r.serial + ' → ' + value('link-number') + ' (' + r.register + ')';
    });
  }

  /** The one account with the number in the code form among the caller's; told and reissued at the desk. */
  function codeAccount() {
    var number = value('code-number');
    return D.api('GET', '/api/v1/operator/accounts?number=' + encodeURIComponent(number)).then(function (body) {
      if (body.items.length === 1) { return body.items[0].id; }
      var e = new Error(t(body.items.length ? 'several' : 'noAccount'));
      e.problem = { field: 'number', detail: e.message };
      throw e;
    });
  }

  function linkCode(reissue) {
    var form = $('code-form');
    D.clearProblems(form);
    D.done(form, '');
    $('code-submit').disabled = true;
    $('code-reissue').disabled = true;
    codeAccount().then(function (id) {
      return D.api(reissue ? 'POST' : 'GET', '/api/v1/operator/accounts/' + id + '/link-code', reissue ? {} : undefined);
    }).then(function (answer) {
      D.done(form, t(reissue ? 'codeReissued' : 'codeIs') + answer.code);
    }, function (e) { D.showProblem(form, e); }).then(function () {
      $('code-submit').disabled = false;
      $('code-reissue').disabled = false;
    });
  }

  function replaceMeter(ev) {
    ev.preventDefault();
    var old = value('rep-serial');
    if (!D.filled($('replace-form'), 'rep-serial')) { return; }
    var body = { newSerial: value('rep-new'), at: D.tashkentInstant(value('rep-at')) };
    if (value('rep-final')) { body.finalReading = { value: value('rep-final').replace(',', '.') }; }
    submit($('replace-form'), 'rep-submit', function () {
      return D.api('POST', '/api/v1/operator/meters/' + encodeURIComponent(old) + '/replace', body);
    }, function (m) {
      $('rep-new').value = '';
      $('rep-final').value = '';
      choose(m.serial);
      return t('replaced') + m.replaces + ' → ' + m.serial;
    });
  }

  function retireMeter(ev) {
    ev.preventDefault();
    var serial = value('ret-serial');
    if (!D.filled($('retire-form'), 'ret-serial')) { return; }
    submit($('retire-form'), 'ret-submit', function () {
      return D.api('POST', '/api/v1/operator/meters/' + encodeURIComponent(serial) + '/retire',
        { at: D.tashkentInstant(value('ret-at')) });
    }, function (m) { return t('retired') + m.serial + ' · ' + D.when(m.replacedAt); });
  }

  /* ---- Offline meters and quarantine ---- */

  function loadOffline() {
    return D.api('GET', '/api/v1/operator/meters?offline=true&limit=50').then(function (body) {
      var box = $('offline');
      box.textContent = '';
      body.items.forEach(function (m) {
        var s = m.modbus;
        box.appendChild(el('li', { 'data-serial': m.serial }, [el('b', {}, [m.serial]), ' · ', D.i18n('span', 'm_' + m.utility),
          ' · ' + s.host + ':' + s.port + ' #' + s.unit + ' · ', D.i18n('span', 'offline', { 'class': 'tag warn' }),
          s.statusSince ? el('span', {}, [' ', D.i18n('span', 'since'), ' ' + D.when(s.statusSince)]) : null,
          s.lastError ? el('span', { 'class': 'note' }, [' · ', D.i18n('span', 'lastError'), ': ' + s.lastError]) : null]));
      });
      $('offline-empty').hidden = body.items.length > 0;
    }, function () {});
  }

  D.texts({
    uz: { qReplay: 'Qayta yuborish', qDiscard: 'Rad etish', qDiscardReason: 'Rad etish sababi',
      qStored: 'saqlangan ko‘rsatkichlar: ' },
    ru: { qReplay: 'Повторить', qDiscard: 'Отклонить', qDiscardReason: 'Причина отклонения',
      qStored: 'сохранено показаний: ' },
    en: { qReplay: 'Replay', qDiscard: 'Discard', qDiscardReason: 'Reason for discarding',
      qStored: 'readings stored: ' }
  });

  function loadQuarantine(more) {
    var q = '?limit=20' + (more && quarantineCursor ? '&cursor=' + encodeURIComponent(quarantineCursor) : '');
    return D.api('GET', '/api/v1/operator/quarantine' + q).then(function (body) {
      var box = $('quarantine');
      if (!more) { box.textContent = ''; }
      body.items.forEach(function (e) { box.appendChild(quarantineItem(e)); });
      quarantineCursor = body.nextCursor;
      $('quarantine-more').hidden = !quarantineCursor;
      $('quarantine-empty').hidden = box.children.length > 0;
    }, function () {});
  }

  function quarantineItem(e) {
    // the payload is data: shown as text, never as markup
    return el('li', { 'data-id': String(e.id), 'data-reason': e.reason, 'data-resolution': e.resolution }, [
      el('b', {}, [e.reasonText || e.reason]), ' · ' + D.when(e.receivedAt) + ' · ' + e.protocol + ' · ' + e.source,
      el('div', { 'class': 'note' }, [e.detail || '']),
      e.payload ? el('code', { 'class': 'payload' }, [(e.payloadEncoding === 'base64' ? 'base64: ' : '')
        + (e.payload.length > 300 ? e.payload.slice(0, 300) + '…' : e.payload)]) : null,
      e.resolution ? resolution(e) : quarantineActions(e)]);
  }

  /** Replayed or discarded: by whom it is kept in the audit log; here when and why. */
  function resolution(e) {
    return el('div', { 'class': 'resolution' }, [
      el('span', { 'class': 'tag ' + (e.resolution === 'replayed' ? 'ok' : 'retired') }, [e.resolutionText || e.resolution]),
      ' ' + D.when(e.resolvedAt),
      e.resolutionNote ? ' · ' + e.resolutionNote : null,
      e.replayedReadings !== null && e.replayedReadings !== undefined
        ? el('span', {}, [' · ', D.i18n('span', 'qStored'), String(e.replayedReadings)]) : null]);
  }

  /** Discard with a reason; replay when the gateway kept it only because its meter was unknown. */
  function quarantineActions(e) {
    var id = 'q-reason-' + e.id;
    var reason = el('input', { id: id, type: 'text', maxlength: '500', 'data-field': 'reason' });
    var discard = D.i18n('button', 'qDiscard', { type: 'submit', 'class': 'small q-discard' });
    var replay = e.replayable ? D.i18n('button', 'qReplay', { type: 'button', 'class': 'small q-replay' }) : null;
    var form = el('form', { 'class': 'q-actions', novalidate: true }, [
      el('label', { 'for': id }, [D.i18n('span', 'qDiscardReason'), reason]), discard, replay,
      el('p', { 'class': 'form-error error', role: 'alert', hidden: true })]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (D.filled(form, id)) { act(form, e.id, 'discard', { reason: reason.value.trim() }); }
    });
    if (replay) { replay.addEventListener('click', function () { act(form, e.id, 'replay', {}); }); }
    return form;
  }

  function act(form, id, action, body) {
    var buttons = form.querySelectorAll('button');
    D.clearProblems(form);
    buttons.forEach(function (b) { b.disabled = true; });
    D.api('POST', '/api/v1/operator/quarantine/' + id + '/' + action, body).then(function (entry) {
      var li = form.closest('li');
      li.parentNode.replaceChild(quarantineItem(entry), li);
    }, function (err) {
      D.showProblem(form, err);
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  function start() {
    var now = D.tashkentNow();
    $('rep-at').value = now;
    $('ret-at').value = now;
    $('search-form').addEventListener('submit', search);
    $('meters-next').addEventListener('click', function () { cursors.push(nextCursor); loadMeters(); });
    $('meters-prev').addEventListener('click', function () { cursors.pop(); loadMeters(); });
    $('reg-protocol').addEventListener('change', function () { $('reg-modbus').hidden = this.value !== 'modbus'; });
    $('register-form').addEventListener('submit', registerMeter);
    $('link-form').addEventListener('submit', linkMeter);
    $('code-form').addEventListener('submit', function (ev) { ev.preventDefault(); linkCode(false); });
    $('code-reissue').addEventListener('click', function () { linkCode(true); });
    $('link-number').addEventListener('input', function () { $('link-choice').hidden = true; });
    $('replace-form').addEventListener('submit', replaceMeter);
    $('retire-form').addEventListener('submit', retireMeter);
    $('secret-form').addEventListener('submit', function (ev) { ev.preventDefault(); issueSecret(); });
    $('sec-revoke').addEventListener('click', revokeSecret);
    $('offline-refresh').addEventListener('click', loadOffline);
    $('quarantine-refresh').addEventListener('click', function () { loadQuarantine(false); });
    $('quarantine-more').addEventListener('click', function () { loadQuarantine(true); });
    loadMeters();
    loadOffline();
    loadQuarantine(false);
  }

  D.page(start);
}());
