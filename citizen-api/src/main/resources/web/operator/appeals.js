/* The complaints officers' desk: their organisation's open appeals, overdue first then by the answer
   day, and the law's steps on one appeal: accept, forward (within 5 working days of receipt), reject
   on one of the law's grounds (within 1 working day), extend once with a reason, answer. Administrators
   see every organisation's. Talks to /api/v1/officer/appeals (see openapi.yaml). */
(function () {
  'use strict';
  // problems in the page's words only (E.showProblem), never the API's English details
  var D = window.EkDesk, E = window.Ek, A = window.EkAppeals;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var OPEN = 'sent,accepted,forwarded';
  var WAITING = { sent: true, forwarded: true };

  D.texts({
    uz: {
      roleCOMPLAINTS_OFFICER: 'murojaatlar bo‘yicha xodim', menu: 'Menyu', publicQuestions: 'Savol va javoblar', officersOnly: 'Bu sahifa murojaatlar bo‘yicha xodimlar uchun',
      officersOnlyText: 'Sizning hisobingizga murojaatlar bo‘yicha xodim huquqi berilmagan; uni administrator beradi.',
      queueTitle: 'Murojaatlar navbati', queueIntro: 'Tashkilotingizning ochiq murojaatlari: muddati o‘tganlari birinchi, keyin javob muddati bo‘yicha.',
      number: 'Murojaat raqami', status: 'Holati', service: 'Xizmat', organisation: 'Tashkilot', search: 'Qidirish',
      openOnes: 'Ochiqlari', any: 'Hammasi', total: 'Navbatda: {0}, muddati o‘tgan: {1}', nothing: 'Navbat bo‘sh',
      overdue: 'muddati o‘tgan', answerBy: 'Javob muddati', received: 'Qabul qilingan', forwards: 'Yo‘naltirishlar',
      open: 'Ochish', subject: 'Mavzu', text: 'Matn', answer: 'Javob', history: 'Tarix', address: 'Manzil', phone: 'Telefon',
      replyBy: 'Javob usuli', reply_email: 'elektron pochta', reply_post: 'pochta orqali xat', fileName: 'Fayl',
      accept: 'Ko‘rib chiqishga qabul qilish', forward: 'Boshqa tashkilotga yo‘naltirish', forwardTo: 'Qaysi tashkilotga',
      forwardRule: 'Qonun bo‘yicha: murojaat qabul qilingan kundan 5 ish kuni ichida yo‘naltiriladi — {0} gacha.',
      forwardLate: 'Yo‘naltirish muddati ({0}) o‘tgan: kechikish sababini yozing, u tarixga yoziladi.',
      needsAdmin: 'Murojaat ko‘p marta yo‘naltirilgan: endi faqat administrator yo‘naltiradi.',
      note: 'Izoh (ixtiyoriy)', lateReason: 'Kechikish sababi', reject: 'Rad etish', ground: 'Qonundagi asos',
      reasons: 'Rad etish sabablari (fuqaroga yuboriladi, kamida 20 belgi)',
      rejectRule: 'Rad etish qabul qilingan kundan keyin 1 ish kuni ichida — {0} gacha.',
      extend: 'Muddatni uzaytirish', extendRule: 'Qo‘shimcha o‘rganish kerak bo‘lsa, muddat bir marta uzaytiriladi; fuqaroga SMS yuboriladi.',
      extendReason: 'Nima uchun qo‘shimcha o‘rganish kerak', answerRule: 'Javob muddati: {0}.', answerText: 'Javob matni', answerFiles: 'Javobga fayllar (xat nusxasi, rasmlar)', fromUs: 'tashkilotdan',
      sendAnswer: 'Javobni yuborish', accepted: 'Qabul qilindi: {0}', forwarded: 'Yo‘naltirildi: {0}',
      rejected: 'Rad etildi: {0}', extended: 'Muddat uzaytirildi: {0}, yangi muddat {1}', answered: 'Javob yuborildi: {0}',
      required: 'To‘ldirilishi shart'
    },
    ru: {
      roleCOMPLAINTS_OFFICER: 'сотрудник по обращениям', menu: 'Меню', publicQuestions: 'Вопросы и ответы', officersOnly: 'Эта страница для сотрудников по обращениям',
      officersOnlyText: 'У вашей учётной записи нет роли сотрудника по обращениям; её выдаёт администратор.',
      queueTitle: 'Очередь обращений', queueIntro: 'Открытые обращения вашей организации: просроченные первыми, затем по сроку ответа.',
      number: 'Номер обращения', status: 'Статус', service: 'Услуга', organisation: 'Организация', search: 'Найти',
      openOnes: 'Открытые', any: 'Все', total: 'В очереди: {0}, просрочено: {1}', nothing: 'Очередь пуста',
      overdue: 'просрочено', answerBy: 'Срок ответа', received: 'Получено', forwards: 'Перенаправлений',
      open: 'Открыть', subject: 'Тема', text: 'Текст', answer: 'Ответ', history: 'История', address: 'Адрес', phone: 'Телефон',
      replyBy: 'Способ ответа', reply_email: 'электронная почта', reply_post: 'письмо по почте', fileName: 'Файл',
      accept: 'Принять к рассмотрению', forward: 'Перенаправить в другую организацию', forwardTo: 'В какую организацию',
      forwardRule: 'По закону обращение перенаправляется в течение 5 рабочих дней со дня получения — до {0}.',
      forwardLate: 'Срок перенаправления ({0}) истёк: укажите причину опоздания, она попадёт в историю.',
      needsAdmin: 'Обращение перенаправлялось слишком часто: теперь перенаправляет только администратор.',
      note: 'Примечание (необязательно)', lateReason: 'Причина опоздания', reject: 'Отклонить', ground: 'Основание по закону',
      reasons: 'Причины отказа (будут отправлены жителю, не менее 20 знаков)',
      rejectRule: 'Отказ — в течение 1 рабочего дня после получения — до {0}.',
      extend: 'Продлить срок', extendRule: 'Если нужно дополнительное изучение, срок продлевается один раз; житель получит SMS.',
      extendReason: 'Почему нужно дополнительное изучение', answerRule: 'Срок ответа: {0}.', answerText: 'Текст ответа', answerFiles: 'Файлы к ответу (копия письма, фото)', fromUs: 'от организации',
      sendAnswer: 'Отправить ответ', accepted: 'Принято: {0}', forwarded: 'Перенаправлено: {0}',
      rejected: 'Отклонено: {0}', extended: 'Срок продлён: {0}, новый срок {1}', answered: 'Ответ отправлен: {0}',
      required: 'Обязательное поле'
    },
    en: {
      roleCOMPLAINTS_OFFICER: 'complaints officer', menu: 'Menu', publicQuestions: 'Questions and answers', officersOnly: 'This page is for complaints officers',
      officersOnlyText: 'Your account has no complaints officer role; an administrator grants it.',
      queueTitle: 'Appeals queue', queueIntro: 'Your organisation’s open appeals: overdue first, then by the answer day.',
      number: 'Appeal number', status: 'Status', service: 'Service', organisation: 'Organisation', search: 'Search',
      openOnes: 'Open', any: 'All', total: 'In the queue: {0}, overdue: {1}', nothing: 'The queue is empty',
      overdue: 'overdue', answerBy: 'Answer by', received: 'Received', forwards: 'Forwards',
      open: 'Open', subject: 'Subject', text: 'Text', answer: 'Answer', history: 'History', address: 'Address', phone: 'Phone',
      replyBy: 'Reply by', reply_email: 'e-mail', reply_post: 'letter', fileName: 'File',
      accept: 'Accept for review', forward: 'Forward to another organisation', forwardTo: 'To which organisation',
      forwardRule: 'By law an appeal is forwarded within 5 working days of receipt: until {0}.',
      forwardLate: 'The time to forward ({0}) has passed: give the reason for the delay; it goes into the history.',
      needsAdmin: 'Forwarded too many times: only an administrator forwards it now.',
      note: 'Note (optional)', lateReason: 'Reason for the delay', reject: 'Reject', ground: 'Ground in the law',
      reasons: 'Reasons (sent to the resident, at least 20 characters)',
      rejectRule: 'A rejection within 1 working day of receipt: until {0}.',
      extend: 'Extend the deadline', extendRule: 'If more study is needed, the deadline is extended once; the resident gets an SMS.',
      extendReason: 'Why more study is needed', answerRule: 'Answer by {0}.', answerText: 'The answer', answerFiles: 'Files with the answer (the letter’s scan, photos)', fromUs: 'from the organisation',
      sendAnswer: 'Send the answer', accepted: 'Accepted: {0}', forwarded: 'Forwarded: {0}',
      rejected: 'Rejected: {0}', extended: 'Deadline extended: {0}, now due {1}', answered: 'Answer sent: {0}',
      required: 'Required'
    }
  });

  var items = [];
  var current = null; // {row: the queue's officer view, full: the appeal with history}

  /** Still open and its answer day is behind us (the API's overdue list counts the same way). */
  function overdue(a) {
    return !!a.answerBy && a.answerBy < E.today() && (WAITING[a.status] === true || a.status === 'accepted');
  }

  /** Overdue first, then the nearest answer day; no answer day last. */
  function byUrgency(a, b) {
    if (overdue(a) !== overdue(b)) { return overdue(a) ? -1 : 1; }
    return (a.answerBy || '9999') < (b.answerBy || '9999') ? -1 : (a.answerBy || '9999') > (b.answerBy || '9999') ? 1
      : a.id - b.id;
  }

  function fillSelects() {
    var status = $('qf-status'), chosen = status.value;
    status.textContent = '';
    status.appendChild(el('option', { value: OPEN }, [t('openOnes')]));
    status.appendChild(el('option', { value: '' }, [t('any')]));
    A.STATUSES.filter(function (s) { return s !== 'draft'; }).forEach(function (s) {
      status.appendChild(el('option', { value: s }, [t('st_' + s)]));
    });
    status.value = chosen || OPEN;
    A.options($('qf-service'), A.CATEGORIES, 'cat_', 'any');
    [$('qf-org'), $('fw-org')].forEach(function (select) {
      var was = select.value;
      select.textContent = '';
      if (select.id === 'qf-org') { select.appendChild(el('option', { value: '' }, [t('any')])); }
      A.organisations().forEach(function (o) { select.appendChild(el('option', { value: o.id }, [A.organisation(o.id)])); });
      if (was) { select.value = was; }
    });
    A.options($('rj-ground'), A.GROUNDS, 'gr_');
  }

  function load(ev) {
    if (ev) { ev.preventDefault(); }
    var q = new URLSearchParams({ limit: 200 });
    [['number', 'qf-number'], ['status', 'qf-status'], ['service', 'qf-service'], ['organisationId', 'qf-org']]
      .forEach(function (p) {
        var v = $(p[1]).value.trim();
        if (v) { q.set(p[0], v); }
      });
    D.clearProblems($('queue-form'));
    return D.api('GET', '/api/v1/officer/appeals?' + q).then(function (page) {
      items = page.items.sort(byUrgency);
      renderQueue();
    }, function (e) { E.showProblem($('queue-form'), e); });
  }

  function renderQueue() {
    var list = $('queue');
    list.textContent = '';
    items.forEach(function (a) {
      var open = el('button', { type: 'button', 'class': 'small', 'data-open': a.id }, [t('open') + ' № ' + a.number]);
      open.addEventListener('click', function () { select(a.id); });
      list.appendChild(el('li', { 'data-number': a.number, 'class': overdue(a) ? 'late' : null }, [
        el('div', { 'class': 'row' }, [open, A.statusTag(a.status)]),
        el('p', { 'class': 'subject' }, [a.subject || t('none')]),
        el('p', { 'class': 'note' }, [A.service(a.service) + ' · ' + t('kind_' + (a.kind || 'complaint'))
          + ' · ' + A.organisation(a.organisationId)]),
        el('p', { 'class': 'due' }, [t('answerBy') + ': ' + E.day(a.answerBy) + ' ',
          overdue(a) ? el('span', { 'class': 'tag warn' }, [t('overdue')]) : null])
      ]));
    });
    var late = items.filter(overdue).length;
    $('queue-total').textContent = items.length ? t('total', items.length, late) : t('nothing');
  }

  function select(id) {
    var row = items.filter(function (a) { return a.id === id; })[0];
    return D.api('GET', '/api/v1/appeals/' + id).then(function (full) {
      current = { row: row, full: full };
      $('w-done').hidden = true;
      ['accept-form', 'forward-form', 'reject-form', 'extend-form', 'answer-form'].forEach(function (f) {
        D.clearProblems($(f));
        D.done($(f), '');
        $(f).reset();
      });
      showWork();
      $('work').hidden = false;
      $('w-title').focus();
      $('work').scrollIntoView({ block: 'start' });
    }, function (e) { E.showProblem($('queue-form'), e); });
  }

  function fact(list, key, value) {
    list.appendChild(el('dt', {}, [t(key)]));
    list.appendChild(el('dd', {}, [value]));
  }

  function showWork() {
    var r = current.row || {}, a = current.full;
    $('w-title').textContent = '№ ' + a.number;
    $('w-title').setAttribute('tabindex', '-1');
    $('w-status').textContent = '';
    $('w-status').appendChild(A.statusTag(a.status));
    $('w-kind').textContent = t('kind_' + (a.kind || 'complaint'));
    $('w-overdue').hidden = !overdue(r);
    var facts = $('w-facts');
    facts.textContent = '';
    fact(facts, 'service', A.service(a.service));
    fact(facts, 'organisation', A.organisation(a.organisationId));
    fact(facts, 'received', E.when(a.receivedAt));
    fact(facts, 'answerBy', E.day(a.dueOn));
    fact(facts, 'forwards', String(a.forwards) + (r.forwardLimit ? ' / ' + r.forwardLimit : ''));
    fact(facts, 'address', [A.region(a.region), a.district, a.street, a.house, a.apartment].filter(Boolean).join(', ')
      + (a.landmark ? ' (' + a.landmark + ')' : ''));
    fact(facts, 'phone', a.phone || t('none'));
    fact(facts, 'replyBy', a.replyChannel ? t('reply_' + a.replyChannel) + (a.email ? ' · ' + a.email : '') : t('none'));
    $('w-subject').textContent = a.subject || t('none');
    $('w-text').textContent = a.text || t('none');
    files(a.attachments);
    $('w-answer-box').hidden = !a.answer;
    $('w-answer').textContent = a.answer || '';
    var steps = $('w-history');
    steps.textContent = '';
    a.history.forEach(function (s) {
      steps.appendChild(el('li', { 'data-action': s.action }, [el('b', {}, [t('act_' + s.action)]),
        ' · ' + E.when(s.at) + ' · ' + A.who(s.by) + (s.organisationId ? ' · ' + A.organisation(s.organisationId) : '')
        + (s.note ? ' · ' + A.rejection(s.note) : '')]));
    });
    actions(a, r);
  }

  function files(list) {
    var box = $('w-files');
    box.textContent = '';
    list.forEach(function (f) {
      var b = el('button', { type: 'button', 'class': 'link' }, [t('fileName') + ': ' + (f.name || f.id)
        + (f.fromOfficer ? ' (' + t('fromUs') + ')' : '')]);
      b.addEventListener('click', function () {
        E.api('GET', f.url, undefined, { raw: true }).then(function (res) { return res.blob(); }).then(function (blob) {
          var link = el('a', { href: URL.createObjectURL(blob), download: f.name || f.id });
          document.body.appendChild(link);
          link.click();
          link.remove();
        });
      });
      box.appendChild(el('li', {}, [b]));
    });
  }

  /** Only the steps the law allows now, each with its last day. */
  function actions(a, r) {
    var waiting = WAITING[a.status] === true, accepted = a.status === 'accepted';
    $('accept-form').hidden = !waiting;
    $('forward-form').hidden = !(waiting || accepted);
    $('reject-form').hidden = !(waiting || accepted);
    $('extend-form').hidden = !(waiting || accepted) || a.extended;
    $('answer-form').hidden = !accepted;
    var late = !!r.forwardBy && r.forwardBy < E.today();
    $('forward-rule').textContent = late ? t('forwardLate', E.day(r.forwardBy)) : t('forwardRule', E.day(r.forwardBy));
    $('fw-reason-label').hidden = !late;
    $('forward-admin').hidden = !(r.needsAdministrator && D.role() !== 'ADMINISTRATOR');
    $('reject-rule').textContent = t('rejectRule', E.day(r.rejectBy));
    $('answer-rule').textContent = t('answerRule', E.day(a.dueOn));
    Array.prototype.forEach.call($('fw-org').options, function (o) { o.disabled = +o.value === a.organisationId; });
    if (+$('fw-org').value === a.organisationId || !$('fw-org').value) {
      var other = Array.prototype.filter.call($('fw-org').options, function (o) { return !o.disabled; })[0];
      if (other) { $('fw-org').value = other.value; }
    }
  }

  /** Posts one step; on success tells what happened, reloads the queue and the appeal. */
  function act(form, action, body, doneKey) {
    D.clearProblems(form);
    return D.api('POST', '/api/v1/officer/appeals/' + current.full.id + '/' + action, body).then(function (r) {
      var id = current.full.id;
      // a forwarded appeal is another organisation's now: this desk may no longer read it
      var next = action === 'forward' ? load().then(function () { leftUs(); }) : load().then(function () {
        return select(id);
      });
      return next.then(function () {
        $('w-done').textContent = t(doneKey, r.number, E.day(r.dueOn || r.answerBy));
        $('w-done').hidden = false;
      });
    }, function (e) { E.showProblem(form, e); });
  }

  /** The answer's files, one after another, before the answer itself. */
  function upload(id, list) {
    if (!list.length) { return Promise.resolve(); }
    var f = list.shift();
    return D.api('POST', '/api/v1/officer/appeals/' + id + '/attachments?name=' + encodeURIComponent(f.name), f,
      { contentType: f.type || 'application/octet-stream' }).then(function () { return upload(id, list); });
  }

  /** After a forward: the appeal stays on screen as it was, with no more steps to take here. */
  function leftUs() {
    ['accept-form', 'forward-form', 'reject-form', 'extend-form', 'answer-form'].forEach(function (f) {
      $(f).hidden = true;
    });
  }

  function text(id) {
    var v = $(id).value.trim();
    return v || undefined;
  }

  function wire() {
    $('queue-form').addEventListener('submit', load);
    $('accept-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      act($('accept-form'), 'accept', {}, 'accepted');
    });
    $('forward-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      act($('forward-form'), 'forward', { organisationId: +$('fw-org').value, note: text('fw-note'),
        reason: text('fw-reason') }, 'forwarded');
    });
    $('reject-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (D.filled($('reject-form'), 'rj-note')) {
        act($('reject-form'), 'reject', { reason: $('rj-ground').value, note: text('rj-note') }, 'rejected');
      }
    });
    $('extend-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (D.filled($('extend-form'), 'ex-reason')) {
        act($('extend-form'), 'extend', { reason: text('ex-reason') }, 'extended');
      }
    });
    $('answer-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (D.filled($('answer-form'), 'an-text')) {
        var form = $('answer-form');
        D.clearProblems(form);
        upload(current.full.id, Array.prototype.slice.call($('an-files').files)).then(function () {
          return act(form, 'answer', { text: text('an-text') }, 'answered');
        }, function (e) { E.showProblem(form, e); });
      }
    });
  }

  D.page(function () {
    $('qf-org-label').hidden = D.role() !== 'ADMINISTRATOR';
    wire();
    D.onLanguage(function () {
      fillSelects();
      renderQueue();
      if (current) { showWork(); }
    });
    A.loadOrganisations().catch(function () { return []; }).then(function () {
      fillSelects();
      load();
    });
  }, { COMPLAINTS_OFFICER: true, ADMINISTRATOR: true });
}());
