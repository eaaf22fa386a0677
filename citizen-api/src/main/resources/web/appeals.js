/* The residents' appeals page: file a complaint, proposal or question with the portal's fields
   (kept as a draft first, files added to the draft, then sent), My appeals with its search, and one
   appeal with its answer and history. Talks to /api/v1/me/appeals and /api/v1/appeals/{id}. */
(function () {
  'use strict';
  var E = window.Ek, A = window.EkAppeals;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var PAGE = 10;
  var TASHKENT_DISTRICTS = ['Bektemir', 'Chilonzor', 'Mirobod', 'Mirzo Ulug‘bek', 'Olmazor', 'Sergeli', 'Shayxontohur',
    'Uchtepa', 'Yakkasaroy', 'Yangihayot', 'Yashnobod', 'Yunusobod'];

  E.texts({
    uz: {
      menu: 'Menyu', home: 'Bosh sahifa', myAppeals: 'Mening murojaatlarim', newAppeal: 'Yangi murojaat',
      publicQuestions: 'Savol va javoblar', appealsTitle: 'Murojaatlar', signInFirst: 'Murojaat yuborish va kuzatish uchun avval telefon raqamingiz bilan kiring.',
      toSignIn: 'Kirish sahifasiga', readPublic: 'Boshqalarning savollari va javoblarini o‘qish (kirishsiz)',
      number: 'Murojaat raqami', numberExample: 'masalan, M-2026-000012', from: 'Sanadan', to: 'Sanagacha', status: 'Holati',
      service: 'Xizmat', organisation: 'Tashkilot', search: 'Qidirish', any: 'Hammasi', prev: 'Oldingi', next: 'Keyingi',
      total: 'Topildi: {0}', nothing: 'Hozircha murojaatlar yo‘q', submitted: 'Yuborilgan', dueOn: 'Javob muddati',
      whatAbout: 'Murojaat nima haqida', sphere: 'Soha', kind: 'Murojaat turi', address: 'Manzil', region: 'Viloyat',
      district: 'Tuman (shahar)', street: 'Ko‘cha', house: 'Uy', apartment: 'Xonadon', landmark: 'Mo‘ljal',
      landmarkExample: 'masalan, maktab yonida', contact: 'Aloqa', phone: 'Telefon raqami', replyBy: 'Javobni qanday olasiz',
      replyEmail: 'Elektron pochta orqali', replyPost: 'Pochta orqali xat', email: 'Elektron pochta', yourAppeal: 'Murojaat matni',
      subject: 'Mavzu', text: 'Matn', files: 'Rasm va fayllar', filesHint: 'Rasm (JPEG, PNG, WebP), PDF yoki video; ko‘pi bilan 10 ta fayl.',
      makePublic: 'Savol va javob hammaga ko‘rinsin (ismingiz, telefoningiz va manzilingiz ko‘rsatilmaydi)',
      consent: 'Shaxsiy ma’lumotlarimni murojaatni ko‘rib chiqish uchun ishlatishga roziman',
      saveDraft: 'Qoralamani saqlash', send: 'Yuborish', draftSaved: 'Qoralama saqlandi: {0}', sentOk: 'Murojaat yuborildi: {0}',
      draftOf: 'Qoralama {0}: o‘zgartirib, keyin yuboring.', uploading: 'Fayl yuklanmoqda: {0}', editDraft: 'Qoralamani tahrirlash',
      closeAppeal: 'Murojaatni yopish', closed: 'Murojaat yopildi', backToList: '← Mening murojaatlarim',
      answer: 'Javob', letterPdf: 'Javob xati (PDF)', rejectedWhy: 'Rad etish sababi', history: 'Murojaat tarixi',
      received: 'Tashkilot qabul qilgan', answeredAt: 'Javob berilgan', extendedBy: 'Muddat uzaytirilgan: {0}',
      late: 'kechikib', mustAccept: 'Yuborish uchun rozilik belgilanishi kerak', fileName: 'Fayl'
    },
    ru: {
      menu: 'Меню', home: 'Главная', myAppeals: 'Мои обращения', newAppeal: 'Новое обращение',
      publicQuestions: 'Вопросы и ответы', appealsTitle: 'Обращения', signInFirst: 'Чтобы отправлять обращения и следить за ними, сначала войдите по номеру телефона.',
      toSignIn: 'На страницу входа', readPublic: 'Читать вопросы и ответы других (без входа)',
      number: 'Номер обращения', numberExample: 'например, M-2026-000012', from: 'С даты', to: 'По дату', status: 'Статус',
      service: 'Услуга', organisation: 'Организация', search: 'Найти', any: 'Все', prev: 'Назад', next: 'Далее',
      total: 'Найдено: {0}', nothing: 'Обращений пока нет', submitted: 'Отправлено', dueOn: 'Срок ответа',
      whatAbout: 'О чём обращение', sphere: 'Сфера', kind: 'Вид обращения', address: 'Адрес', region: 'Область',
      district: 'Район (город)', street: 'Улица', house: 'Дом', apartment: 'Квартира', landmark: 'Ориентир',
      landmarkExample: 'например, рядом со школой', contact: 'Связь', phone: 'Номер телефона', replyBy: 'Как получить ответ',
      replyEmail: 'По электронной почте', replyPost: 'Письмом по почте', email: 'Электронная почта', yourAppeal: 'Текст обращения',
      subject: 'Тема', text: 'Текст', files: 'Фото и файлы', filesHint: 'Фото (JPEG, PNG, WebP), PDF или видео; не больше 10 файлов.',
      makePublic: 'Показать вопрос и ответ всем (имя, телефон и адрес не показываются)',
      consent: 'Согласен(на) на обработку моих персональных данных для рассмотрения обращения',
      saveDraft: 'Сохранить черновик', send: 'Отправить', draftSaved: 'Черновик сохранён: {0}', sentOk: 'Обращение отправлено: {0}',
      draftOf: 'Черновик {0}: измените и отправьте.', uploading: 'Загрузка файла: {0}', editDraft: 'Изменить черновик',
      closeAppeal: 'Закрыть обращение', closed: 'Обращение закрыто', backToList: '← Мои обращения',
      answer: 'Ответ', letterPdf: 'Письмо с ответом (PDF)', rejectedWhy: 'Причина отказа', history: 'История обращения',
      received: 'Получено организацией', answeredAt: 'Дан ответ', extendedBy: 'Срок продлён: {0}',
      late: 'с опозданием', mustAccept: 'Для отправки нужно дать согласие', fileName: 'Файл'
    },
    en: {
      menu: 'Menu', home: 'Home', myAppeals: 'My appeals', newAppeal: 'New appeal',
      publicQuestions: 'Questions and answers', appealsTitle: 'Appeals', signInFirst: 'To send and follow appeals, please sign in with your phone first.',
      toSignIn: 'Go to sign-in', readPublic: 'Read other people’s questions and answers (no sign-in)',
      number: 'Appeal number', numberExample: 'e.g. M-2026-000012', from: 'From', to: 'To', status: 'Status',
      service: 'Service', organisation: 'Organisation', search: 'Search', any: 'All', prev: 'Previous', next: 'Next',
      total: 'Found: {0}', nothing: 'No appeals yet', submitted: 'Sent', dueOn: 'Answer due',
      whatAbout: 'What it is about', sphere: 'Sphere', kind: 'Type of appeal', address: 'Address', region: 'Region',
      district: 'District (town)', street: 'Street', house: 'House', apartment: 'Flat', landmark: 'Landmark',
      landmarkExample: 'e.g. next to the school', contact: 'Contact', phone: 'Phone number', replyBy: 'How to receive the answer',
      replyEmail: 'By e-mail', replyPost: 'By letter', email: 'E-mail', yourAppeal: 'Your appeal',
      subject: 'Subject', text: 'Text', files: 'Photos and files', filesHint: 'Photos (JPEG, PNG, WebP), PDF or video; at most 10 files.',
      makePublic: 'Show the question and answer to everyone (no name, phone or address is shown)',
      consent: 'I agree that my personal data is used to handle the appeal',
      saveDraft: 'Save draft', send: 'Send', draftSaved: 'Draft saved: {0}', sentOk: 'Appeal sent: {0}',
      draftOf: 'Draft {0}: change it, then send.', uploading: 'Uploading: {0}', editDraft: 'Edit draft',
      closeAppeal: 'Close the appeal', closed: 'Appeal closed', backToList: '← My appeals',
      answer: 'Answer', letterPdf: 'Answer letter (PDF)', rejectedWhy: 'Reason for rejection', history: 'History',
      received: 'Received by the organisation', answeredAt: 'Answered', extendedBy: 'Deadline extended: {0}',
      late: 'late', mustAccept: 'Please give your consent to send', fileName: 'File'
    }
  });

  var offset = 0;
  var editing = null; // the draft being edited: {id, number, attachments}
  var shown = null;   // the appeal on the detail view

  /* ---- Views ---- */

  function view(name) {
    ['mine', 'new', 'detail'].forEach(function (v) { $(v).hidden = v !== name; });
    $('nav-mine').toggleAttribute('aria-current', name === 'mine');
    $('nav-new').toggleAttribute('aria-current', name === 'new');
    var h1 = document.querySelector('#' + name + ' h1');
    document.title = (h1 && h1.textContent ? h1.textContent + ' — ' : '') + 'e-kommunal';
  }

  function route() {
    var h = window.location.hash;
    var m = /^#(appeal|edit)-(\d+)$/.exec(h);
    if (m) { return open(+m[2], m[1] === 'edit'); }
    if (h === '#new') { startForm(null); return view('new'); }
    view('mine');
    return search();
  }

  /* ---- My appeals ---- */

  function fillSelects() {
    A.options($('s-status'), A.STATUSES, 'st_', 'any');
    A.options($('s-service'), A.CATEGORIES, 'cat_', 'any');
    A.options($('f-category'), A.CATEGORIES, 'cat_');
    var org = $('s-org'), chosen = org.value;
    org.textContent = '';
    org.appendChild(el('option', { value: '' }, [t('any')]));
    A.organisations().forEach(function (o) { org.appendChild(el('option', { value: o.id }, [A.organisation(o.id)])); });
    if (chosen) { org.value = chosen; }
    var region = $('f-region'), was = region.value;
    region.textContent = '';
    A.REGIONS.forEach(function (r) {
      region.appendChild(el('option', { value: E.textIn('uz', 'reg_' + r) }, [t('reg_' + r)]));
    });
    region.value = was || E.textIn('uz', 'reg_toshkent_sh');
  }

  function search(ev) {
    if (ev) { ev.preventDefault(); offset = 0; }
    var q = new URLSearchParams();
    [['number', 's-number'], ['from', 's-from'], ['to', 's-to'], ['status', 's-status'], ['service', 's-service'],
      ['organisationId', 's-org']].forEach(function (p) {
      var v = $(p[1]).value.trim();
      if (v) { q.set(p[0], p[0] === 'to' ? nextDay(v) : v); }
    });
    q.set('limit', PAGE);
    q.set('offset', offset);
    E.clearProblems($('search-form'));
    return E.api('GET', '/api/v1/me/appeals?' + q).then(function (page) {
      var list = $('mine-list');
      list.textContent = '';
      page.items.forEach(function (a) { list.appendChild(row(a)); });
      $('mine-total').textContent = page.total ? t('total', page.total) : t('nothing');
      $('mine-prev').disabled = offset === 0;
      $('mine-next').disabled = offset + PAGE >= page.total;
    }, function (e) { E.showProblem($('search-form'), e); });
  }

  /** The day after: the API's "to" is the start of that day, the page's is the whole day. */
  function nextDay(iso) {
    return new Date(Date.parse(iso + 'T00:00:00Z') + 86400000).toISOString().slice(0, 10);
  }

  function row(a) {
    var link = el('a', { href: '#' + (a.status === 'draft' ? 'edit-' : 'appeal-') + a.id, 'class': 'number' },
      [a.number]);
    return el('li', { 'data-number': a.number }, [
      el('div', { 'class': 'row' }, [link, A.statusTag(a.status)]),
      el('p', { 'class': 'subject' }, [a.subject || t('none')]),
      el('p', { 'class': 'note' }, [A.service(a.service) + ' · ' + A.organisation(a.organisationId)]),
      el('p', { 'class': 'note' }, [t('submitted') + ': ' + E.when(a.submittedAt)
        + (a.dueOn ? ' · ' + t('dueOn') + ': ' + E.day(a.dueOn) : '')])
    ]);
  }

  /* ---- The form ---- */

  function startForm(a) {
    var form = $('appeal-form');
    E.clearProblems(form);
    E.done(form, '');
    editing = a ? { id: a.id, number: a.number, attachments: a.attachments || [] } : null;
    form.reset();
    fillSelects();
    var s = E.session();
    if (!a) {
      $('f-phone').value = s && s.user && s.user.phone ? s.user.phone : '';
    } else {
      $('f-category').value = a.service || 'gas';
      if (a.region) { $('f-region').value = a.region; }
      ['district', 'street', 'house', 'apartment', 'landmark', 'phone', 'email', 'subject', 'text'].forEach(function (f) {
        $('f-' + f).value = a[f] || '';
      });
      checkRadio('kind', a.kind || 'complaint');
      checkRadio('reply', a.replyChannel || 'email');
      $('f-public').checked = !!a.public;
      $('f-terms').checked = !!a.termsAccepted;
    }
    $('draft-note').hidden = !a;
    $('draft-note').textContent = a ? t('draftOf', a.number) : '';
    attachedList();
    replyChanged();
  }

  function checkRadio(name, value) {
    var r = document.querySelector('input[name=' + name + '][value=' + value + ']');
    if (r) { r.checked = true; }
  }

  function radio(name) {
    var r = document.querySelector('input[name=' + name + ']:checked');
    return r ? r.value : null;
  }

  function attachedList() {
    var list = $('f-attached');
    list.textContent = '';
    (editing ? editing.attachments : []).forEach(function (f) {
      list.appendChild(el('li', {}, [t('fileName') + ': ' + (f.name || f.id)]));
    });
  }

  function replyChanged() {
    $('f-email-label').hidden = radio('reply') !== 'email';
  }

  /** The form as the API takes it: spaces taken out of the phone, empty fields left out. */
  function formBody() {
    var body = {
      sphere: $('f-sphere').value, category: $('f-category').value, kind: radio('kind'), region: $('f-region').value,
      replyChannel: radio('reply'), public: $('f-public').checked, termsAccepted: $('f-terms').checked, language: E.lang()
    };
    ['district', 'street', 'house', 'apartment', 'landmark', 'subject', 'text'].forEach(function (f) {
      var v = $('f-' + f).value.trim();
      if (v) { body[f] = v; }
    });
    var phone = $('f-phone').value.replace(/[\s()-]/g, '');
    if (phone) { body.phone = /^(\d{9})$/.test(phone) ? '+998' + phone : phone; }
    var email = $('f-email').value.trim();
    if (email && body.replyChannel === 'email') { body.email = email; }
    return body;
  }

  /** Saves the draft (new or changed), then uploads the chosen files to it, one after another. */
  function saveDraft() {
    var body = formBody();
    var saved = editing
      ? E.api('PUT', '/api/v1/me/appeals/' + editing.id, body)
      : E.api('POST', '/api/v1/me/appeals', Object.assign({ send: false }, body));
    return saved.then(function (a) {
      editing = { id: a.id, number: a.number, attachments: a.attachments || [] };
      return upload(Array.prototype.slice.call($('f-files').files));
    }).then(function () {
      $('f-files').value = '';
      attachedList();
      return editing;
    });
  }

  function upload(files) {
    if (!files.length) { return Promise.resolve(); }
    var f = files.shift();
    E.done($('appeal-form'), t('uploading', f.name));
    return E.api('POST', '/api/v1/me/appeals/' + editing.id + '/attachments?name=' + encodeURIComponent(f.name), f,
      { contentType: f.type || 'application/octet-stream' }).then(function (kept) {
      editing.attachments.push(kept);
      return upload(files);
    });
  }

  function onSave() {
    var form = $('appeal-form');
    E.clearProblems(form);
    saveDraft().then(function (d) {
      E.done(form, t('draftSaved', d.number));
      window.history.replaceState(null, '', '#edit-' + d.id);
    }, function (e) { E.done(form, ''); E.showProblem(form, e); });
  }

  function onSend(ev) {
    ev.preventDefault();
    var form = $('appeal-form');
    E.clearProblems(form);
    if (!$('f-terms').checked) {
      E.showProblem(form, { problem: { field: 'termsAccepted' }, message: t('mustAccept') });
      return;
    }
    saveDraft().then(function (d) {
      return E.api('POST', '/api/v1/me/appeals/' + d.id + '/send');
    }).then(function (a) {
      editing = null;
      window.history.pushState(null, '', '#appeal-' + a.id);
      return open(a.id, false).then(function () { E.done($('detail-form'), t('sentOk', a.number)); });
    }, function (e) { E.done(form, ''); E.showProblem(form, e); });
  }

  /* ---- One appeal ---- */

  function open(id, edit) {
    return E.api('GET', '/api/v1/appeals/' + id).then(function (a) {
      if (edit && a.status === 'draft') {
        startForm(a);
        return view('new');
      }
      shown = a;
      show(a);
      view('detail');
    }, function (e) {
      view('mine');
      E.showProblem($('search-form'), e);
    });
  }

  function fact(list, key, value) {
    list.appendChild(el('dt', {}, [t(key)]));
    list.appendChild(el('dd', {}, [value]));
  }

  function show(a) {
    $('d-title').textContent = t('appealsTitle') + ' № ' + a.number;
    var status = $('d-status');
    status.textContent = '';
    status.appendChild(A.statusTag(a.status));
    $('d-kind').textContent = a.kind ? t('kind_' + a.kind) : t('none');
    var facts = $('d-facts');
    facts.textContent = '';
    fact(facts, 'service', A.service(a.service));
    fact(facts, 'organisation', A.organisation(a.organisationId));
    fact(facts, 'address', [A.region(a.region), a.district, a.street, a.house, a.apartment].filter(Boolean).join(', ')
      + (a.landmark ? ' (' + a.landmark + ')' : ''));
    fact(facts, 'submitted', E.when(a.submittedAt));
    fact(facts, 'received', E.when(a.receivedAt));
    fact(facts, 'dueOn', E.day(a.dueOn) + (a.extended ? ' · ' + t('extendedBy', a.extensionReason || '') : ''));
    $('d-subject').textContent = a.subject || t('none');
    $('d-text').textContent = a.text || t('none');
    // the resident's files under the text, the organisation's with its answer
    $('d-files').textContent = '';
    $('d-answer-files').textContent = '';
    a.attachments.forEach(function (f) {
      var b = el('button', { type: 'button', 'class': 'link' }, [t('fileName') + ': ' + (f.name || f.id)]);
      b.addEventListener('click', function () { download(f.url, f.name || f.id); });
      $(f.fromOfficer ? 'd-answer-files' : 'd-files').appendChild(el('li', {}, [b]));
    });
    $('d-answer-box').hidden = !a.answer;
    $('d-answer').textContent = a.answer || '';
    $('d-letter').hidden = !a.answer;
    $('d-reject-box').hidden = !a.rejectReason;
    $('d-reject').textContent = A.rejection(a.rejectReason);
    steps(a.history);
    $('d-close').hidden = a.status !== 'answered' && a.status !== 'rejected';
    $('d-edit').hidden = a.status !== 'draft';
  }

  function steps(changes) {
    var list = $('d-history');
    list.textContent = '';
    changes.forEach(function (s) {
      list.appendChild(el('li', { 'data-action': s.action }, [
        el('b', {}, [t('act_' + s.action)]), ' · ' + E.when(s.at) + ' · ' + A.who(s.by),
        s.organisationId ? ' · ' + A.organisation(s.organisationId) : '',
        s.late ? el('span', { 'class': 'tag warn' }, [t('late')]) : null
      ]));
    });
  }

  function download(url, name) {
    E.api('GET', url, undefined, { raw: true }).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.appendChild(a);
      a.click();
      a.remove();
    }, function (e) { E.showProblem($('detail-form'), e); });
  }

  function closeAppeal() {
    E.api('POST', '/api/v1/me/appeals/' + shown.id + '/close').then(function () {
      return open(shown.id, false);
    }).then(function () { E.done($('detail-form'), t('closed')); }, function (e) { E.showProblem($('detail-form'), e); });
  }

  /* ---- Start ---- */

  function start() {
    E.languageButtons();
    E.onLanguage(function () {
      fillSelects();
      if (!$('detail').hidden && shown) { show(shown); }
      if (!$('mine').hidden) { search(); }
    });
    E.applyLanguage();
    if (!E.session()) {
      $('signed-out').hidden = false;
      E.applyLanguage();
      return;
    }
    TASHKENT_DISTRICTS.forEach(function (d) { $('districts').appendChild(el('option', { value: d })); });
    $('search-form').addEventListener('submit', search);
    $('mine-prev').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); search(); });
    $('mine-next').addEventListener('click', function () { offset += PAGE; search(); });
    $('appeal-form').addEventListener('submit', onSend);
    $('f-save').addEventListener('click', onSave);
    document.querySelectorAll('input[name=reply]').forEach(function (r) { r.addEventListener('change', replyChanged); });
    $('back').addEventListener('click', function () { window.location.hash = '#mine'; });
    $('d-close').addEventListener('click', closeAppeal);
    $('d-edit').addEventListener('click', function () { window.location.hash = '#edit-' + shown.id; });
    $('d-letter').addEventListener('click', function () { download('/api/v1/appeals/' + shown.id + '/letter.pdf', shown.number + '.pdf'); });
    window.addEventListener('hashchange', route);
    A.loadOrganisations().catch(function () { return []; }).then(function () {
      fillSelects();
      route();
    });
  }

  start();
}());
