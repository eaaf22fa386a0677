/* The public questions and answers: appeals their authors made public, with the organisation's
   answer; no sign-in, no name, phone or address beyond the district. Talks to /api/v1/appeals/public. */
(function () {
  'use strict';
  var E = window.Ek, A = window.EkAppeals;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var PAGE = 10;
  var PUBLIC_STATUSES = ['sent', 'accepted', 'forwarded', 'answered', 'closed'];
  var offset = 0;
  var last = null;

  E.texts({
    uz: {
      menu: 'Menyu', home: 'Bosh sahifa', askYours: 'Savol berish', publicQuestions: 'Savol va javoblar',
      publicIntro: 'Fuqarolar hammaga ochiq qilgan murojaatlar va tashkilotlarning javoblari.',
      number: 'Murojaat raqami', numberExample: 'masalan, M-2026-000012', service: 'Xizmat', status: 'Holati',
      organisation: 'Tashkilot', search: 'Qidirish', any: 'Hammasi', prev: 'Oldingi', next: 'Keyingi',
      total: 'Topildi: {0}', nothing: 'Hech narsa topilmadi', question: 'Savol', answer: 'Javob',
      noAnswerYet: 'Javob hali berilmagan', district: 'Tuman', submitted: 'Yuborilgan', answeredAt: 'Javob berilgan'
    },
    ru: {
      menu: 'Меню', home: 'Главная', askYours: 'Задать вопрос', publicQuestions: 'Вопросы и ответы',
      publicIntro: 'Обращения, которые жители сделали открытыми, и ответы организаций.',
      number: 'Номер обращения', numberExample: 'например, M-2026-000012', service: 'Услуга', status: 'Статус',
      organisation: 'Организация', search: 'Найти', any: 'Все', prev: 'Назад', next: 'Далее',
      total: 'Найдено: {0}', nothing: 'Ничего не найдено', question: 'Вопрос', answer: 'Ответ',
      noAnswerYet: 'Ответа пока нет', district: 'Район', submitted: 'Отправлено', answeredAt: 'Дан ответ'
    },
    en: {
      menu: 'Menu', home: 'Home', askYours: 'Ask a question', publicQuestions: 'Questions and answers',
      publicIntro: 'Appeals their authors made public, with the organisations’ answers.',
      number: 'Appeal number', numberExample: 'e.g. M-2026-000012', service: 'Service', status: 'Status',
      organisation: 'Organisation', search: 'Search', any: 'All', prev: 'Previous', next: 'Next',
      total: 'Found: {0}', nothing: 'Nothing found', question: 'Question', answer: 'Answer',
      noAnswerYet: 'No answer yet', district: 'District', submitted: 'Sent', answeredAt: 'Answered'
    }
  });

  function fillSelects() {
    A.options($('q-service'), A.CATEGORIES, 'cat_', 'any');
    A.options($('q-status'), PUBLIC_STATUSES, 'st_', 'any');
    var org = $('q-org'), chosen = org.value;
    org.textContent = '';
    org.appendChild(el('option', { value: '' }, [t('any')]));
    A.organisations().forEach(function (o) { org.appendChild(el('option', { value: o.id }, [A.organisation(o.id)])); });
    if (chosen) { org.value = chosen; }
  }

  function search(ev) {
    if (ev) { ev.preventDefault(); offset = 0; }
    var q = new URLSearchParams();
    [['number', 'q-number'], ['service', 'q-service'], ['status', 'q-status'], ['organisationId', 'q-org']]
      .forEach(function (p) {
        var v = $(p[1]).value.trim();
        if (v) { q.set(p[0], v); }
      });
    q.set('limit', PAGE);
    q.set('offset', offset);
    E.clearProblems($('q-form'));
    E.api('GET', '/api/v1/appeals/public?' + q).then(function (page) {
      last = page;
      render(page);
    }, function (e) { E.showProblem($('q-form'), e); });
  }

  function render(page) {
    var list = $('q-list');
    list.textContent = '';
    page.items.forEach(function (a) { list.appendChild(item(a)); });
    $('q-total').textContent = page.total ? t('total', page.total) : t('nothing');
    $('q-prev').disabled = offset === 0;
    $('q-next').disabled = offset + PAGE >= page.total;
  }

  function item(a) {
    return el('li', { 'data-number': a.number }, [
      el('div', { 'class': 'row' }, [el('b', {}, ['№ ' + a.number]), A.statusTag(a.status)]),
      el('h2', { 'class': 'subject' }, [a.subject || t('none')]),
      el('p', { 'class': 'note' }, [A.service(a.service) + ' · ' + A.organisation(a.organisation)
        + (a.district ? ' · ' + t('district') + ': ' + a.district : '')]),
      el('p', { 'class': 'note' }, [t('submitted') + ': ' + E.when(a.submittedAt)]),
      el('p', { 'class': 'question text' }, [el('b', {}, [t('question') + ': ']), a.question || t('none')]),
      a.answer
        ? el('p', { 'class': 'answer text' }, [el('b', {}, [t('answer') + ': ']), a.answer,
          el('span', { 'class': 'note' }, [' (' + t('answeredAt') + ': ' + E.when(a.answeredAt) + ')'])])
        : el('p', { 'class': 'note no-answer' }, [t('noAnswerYet')])
    ]);
  }

  E.languageButtons();
  E.onLanguage(function () {
    fillSelects();
    if (last) { render(last); }
  });
  E.applyLanguage();
  $('q-form').addEventListener('submit', search);
  $('q-prev').addEventListener('click', function () { offset = Math.max(0, offset - PAGE); search(); });
  $('q-next').addEventListener('click', function () { offset += PAGE; search(); });
  A.loadOrganisations().catch(function () { return []; }).then(function () {
    fillSelects();
    search();
  });
}());
