/* Surveys (so'rovnomalar) for a signed-in household: the open ones that ask it, answered once (single and
   multiple choice, free text); closed ones with public results show counts and percentages. Talks to
   /api/v1/surveys and /api/v1/public/surveys/{id}/results. */
(function () {
  'use strict';
  var E = window.Ek;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var surveys = [];

  E.texts({
    uz: {
      menu: 'Menyu', home: 'Bosh sahifa', surveysTitle: 'So‘rovnomalar',
      surveysIntro: 'Xizmat ko‘rsatuvchilar va hokimiyat so‘rovnomalari: har bir xonadon bir marta javob beradi.',
      signInFirst: 'So‘rovnomalarga javob berish uchun kiring.', signInLink: 'Kirish', noSurveys: 'Hozircha so‘rovnoma yo‘q',
      open: 'Ochiq', closed: 'Yopilgan', scheduled: 'Hali ochilmagan', until: '{0} gacha', send: 'Javobni yuborish',
      optional: 'ixtiyoriy', thanks: 'Rahmat! Javobingiz hisobga olindi.', showResults: 'Natijalar',
      responses: 'Javob berganlar: {0}', votes: '{0} ta · {1} %'
    },
    ru: {
      menu: 'Меню', home: 'Главная', surveysTitle: 'Опросы',
      surveysIntro: 'Опросы поставщиков и хокимията: каждое домохозяйство отвечает один раз.',
      signInFirst: 'Чтобы ответить на опросы, войдите.', signInLink: 'Войти', noSurveys: 'Опросов пока нет',
      open: 'Открыт', closed: 'Завершён', scheduled: 'Ещё не начат', until: 'до {0}', send: 'Отправить ответ',
      optional: 'необязательно', thanks: 'Спасибо! Ваш ответ учтён.', showResults: 'Итоги',
      responses: 'Ответили: {0}', votes: '{0} · {1} %'
    },
    en: {
      menu: 'Menu', home: 'Home', surveysTitle: 'Surveys',
      surveysIntro: 'Surveys by providers and the city: each household answers once.',
      signInFirst: 'Sign in to answer surveys.', signInLink: 'Sign in', noSurveys: 'No surveys for now',
      open: 'Open', closed: 'Closed', scheduled: 'Not open yet', until: 'until {0}', send: 'Send my answer',
      optional: 'optional', thanks: 'Thank you! Your answer is counted.', showResults: 'Results',
      responses: 'Answered: {0}', votes: '{0} · {1} %'
    }
  });

  function load() {
    if (!E.session()) {
      $('sv-signin').hidden = false;
      return;
    }
    E.api('GET', '/api/v1/surveys').then(function (page) {
      surveys = page.items;
      render();
    }, function (e) {
      if (e.status === 401) { $('sv-signin').hidden = false; }
    });
  }

  function render() {
    var list = $('sv-list');
    list.textContent = '';
    $('sv-none').hidden = surveys.length > 0;
    surveys.forEach(function (s) { list.appendChild(card(s)); });
  }

  function card(s) {
    var li = el('li', { 'data-survey': s.id }, [
      el('div', { 'class': 'row' }, [el('b', {}, [s.title]),
        el('span', { 'class': 'tag' + (s.status === 'open' ? ' ok' : '') }, [t(s.status)])]),
      s.description ? el('p', { 'class': 'text' }, [s.description]) : null,
      el('p', { 'class': 'note' }, [t('until', E.when(s.closesAt))])
    ]);
    if (s.status === 'open' && !s.answered) {
      li.appendChild(form(s));
    } else if (s.answered) {
      li.appendChild(el('p', { 'class': 'done thanks' }, [t('thanks')]));
    }
    if (s.status === 'closed' && s.publicResults) {
      var button = el('button', { type: 'button', 'class': 'small results-button' }, [t('showResults')]);
      button.addEventListener('click', function () { showResults(s, li); });
      li.appendChild(button);
    }
    return li;
  }

  function form(s) {
    var f = el('form', { 'class': 'survey-form', novalidate: true });
    s.questions.forEach(function (q) {
      var name = 's' + s.id + 'q' + q.number;
      var box = el('fieldset', { 'class': 'choices', 'data-question': q.number, 'data-field': 'answers' }, [
        el('legend', {}, [q.number + '. ' + q.text + (q.required ? '' : ' (' + t('optional') + ')')])]);
      if (q.kind === 'TEXT') {
        box.appendChild(el('textarea', { name: name, rows: '3', maxlength: '2000', 'aria-label': q.text }));
      } else {
        q.options.forEach(function (o, i) {
          box.appendChild(el('label', { 'class': 'check' }, [
            el('input', { type: q.kind === 'SINGLE' ? 'radio' : 'checkbox', name: name, value: String(i) }), o]));
        });
      }
      f.appendChild(box);
    });
    f.appendChild(el('button', { type: 'submit' }, [t('send')]));
    f.appendChild(el('p', { 'class': 'form-error error', role: 'alert', hidden: true }));
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      E.clearProblems(f);
      E.api('POST', '/api/v1/surveys/' + s.id + '/responses', { answers: answers(s, f) }).then(function () {
        s.answered = true;
        render();
      }, function (e) { E.showProblem(f, e, true); });
    });
    return f;
  }

  function answers(s, f) {
    var out = [];
    s.questions.forEach(function (q) {
      var name = 's' + s.id + 'q' + q.number;
      if (q.kind === 'TEXT') {
        var text = f.querySelector('textarea[name="' + name + '"]').value.trim();
        if (text) { out.push({ question: q.number, text: text }); }
        return;
      }
      var chosen = [];
      f.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (i) { chosen.push(Number(i.value)); });
      if (chosen.length) { out.push({ question: q.number, options: chosen }); }
    });
    return out;
  }

  function showResults(s, li) {
    E.api('GET', '/api/v1/public/surveys/' + s.id + '/results').then(function (r) {
      var box = el('div', { 'class': 'results' }, [el('p', { 'class': 'note' }, [t('responses', r.responses)])]);
      r.questions.forEach(function (q) {
        box.appendChild(el('p', {}, [el('b', {}, [q.number + '. ' + q.text])]));
        (q.options || []).forEach(function (o) {
          box.appendChild(el('p', { 'class': 'note' }, [o.text + ': ' + t('votes', o.count, E.number(o.percent))]));
        });
      });
      var old = li.querySelector('.results');
      if (old) { old.remove(); }
      li.appendChild(box);
    }, function (e) { li.appendChild(el('p', { 'class': 'error', role: 'alert' }, [E.problemText(e)])); });
  }

  E.languageButtons();
  E.onLanguage(function () { if (surveys.length) { render(); } });
  E.applyLanguage();
  load();
}());
