/* Days off besides weekends on the routing page: appeals' last days move past them. Operators read
   the year's list; administrators add a movable holiday or a transferred day off and remove one, and
   the page says how many open appeals' deadlines moved. Talks to /api/v1/admin/holidays. */
(function () {
  'use strict';
  var D = window.EkDesk, E = window.Ek;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var days = [];

  // the seeded fixed-date holidays are stored in English: named here in the page's language
  D.texts({
    uz: {
      holidaysTitle: 'Dam olish kunlari', holidaysIntro: 'Shanba va yakshanbadan tashqari: murojaat muddati shu kunlarga tushsa, keyingi ish kuniga o‘tadi.',
      holidaysYear: 'Yil', holidayAdd: 'Dam olish kunini qo‘shish', holidayAdminsOnly: 'Faqat administratorlar o‘zgartiradi.',
      holidayDay: 'Sana', holidayName: 'Nomi', holidayAddButton: 'Qo‘shish', holidayRemove: 'Olib tashlash: {0}',
      holidayAdded: 'Qo‘shildi: {0} · muddati o‘zgargan murojaatlar: {1}', holidayRemoved: 'Olib tashlandi: {0} · muddati o‘zgargan murojaatlar: {1}',
      noHolidays: 'Bu yil uchun dam olish kunlari yo‘q',
      'h_New Year': 'Yangi yil', 'h_Women\'s Day': 'Xotin-qizlar kuni', h_Navruz: 'Navro‘z', 'h_Day of Remembrance': 'Xotira va qadrlash kuni',
      'h_Independence Day': 'Mustaqillik kuni', 'h_Teachers\' Day': 'O‘qituvchi va murabbiylar kuni', 'h_Constitution Day': 'Konstitutsiya kuni'
    },
    ru: {
      holidaysTitle: 'Выходные дни', holidaysIntro: 'Кроме субботы и воскресенья: срок обращения, выпавший на такой день, переносится на следующий рабочий.',
      holidaysYear: 'Год', holidayAdd: 'Добавить выходной', holidayAdminsOnly: 'Меняют только администраторы.',
      holidayDay: 'Дата', holidayName: 'Название', holidayAddButton: 'Добавить', holidayRemove: 'Удалить: {0}',
      holidayAdded: 'Добавлено: {0} · обращений с перенесённым сроком: {1}', holidayRemoved: 'Удалено: {0} · обращений с перенесённым сроком: {1}',
      noHolidays: 'Выходных в этом году нет',
      'h_New Year': 'Новый год', 'h_Women\'s Day': 'Женский день', h_Navruz: 'Навруз', 'h_Day of Remembrance': 'День памяти и почестей',
      'h_Independence Day': 'День независимости', 'h_Teachers\' Day': 'День учителя', 'h_Constitution Day': 'День Конституции'
    },
    en: {
      holidaysTitle: 'Days off', holidaysIntro: 'Besides Saturday and Sunday: an appeal’s last day that falls on one moves to the next working day.',
      holidaysYear: 'Year', holidayAdd: 'Add a day off', holidayAdminsOnly: 'Only administrators change them.',
      holidayDay: 'Date', holidayName: 'Name', holidayAddButton: 'Add', holidayRemove: 'Remove: {0}',
      holidayAdded: 'Added: {0} · appeals whose deadline moved: {1}', holidayRemoved: 'Removed: {0} · appeals whose deadline moved: {1}',
      noHolidays: 'No days off this year',
      'h_New Year': 'New Year', 'h_Women\'s Day': 'Women’s Day', h_Navruz: 'Navruz', 'h_Day of Remembrance': 'Day of Remembrance',
      'h_Independence Day': 'Independence Day', 'h_Teachers\' Day': 'Teachers’ Day', 'h_Constitution Day': 'Constitution Day'
    }
  });

  function admin() { return D.role() === 'ADMINISTRATOR'; }

  /** A seeded holiday in the page's language; one an administrator named stays as written. */
  function holidayName(name) { return E.has('h_' + name) ? t('h_' + name) : name; }

  function render() {
    var list = $('holidays');
    list.textContent = '';
    days.forEach(function (h) {
      var remove = null;
      if (admin()) {
        remove = el('button', { type: 'button', 'class': 'small remove-holiday', 'data-day': h.day,
          'aria-label': t('holidayRemove', E.day(h.day)) }, ['×']);
        remove.addEventListener('click', function () { removeDay(h.day); });
      }
      var name = E.has('h_' + h.name) ? el('span', {}, [holidayName(h.name)]) : el('span', { translate: 'no' }, [h.name]);
      list.appendChild(el('li', { 'class': 'row', 'data-day': h.day }, [
        el('span', {}, [el('b', {}, [E.day(h.day)]), ' · ', name]), remove]));
    });
    if (!days.length) { list.appendChild(el('li', { 'class': 'note' }, [t('noHolidays')])); }
  }

  function load() {
    $('holidays-error').hidden = true;
    return D.api('GET', '/api/v1/admin/holidays?year=' + $('hd-year').value).then(function (body) {
      days = body.items;
      render();
    }, function (e) {
      $('holidays-error').textContent = D.problemText(e);
      $('holidays-error').hidden = false;
    });
  }

  function save(ev) {
    ev.preventDefault();
    var form = $('holiday-form');
    D.clearProblems(form);
    D.done(form, '');
    if (!D.filled(form, 'hd-day') || !D.filled(form, 'hd-name')) { return; }
    var day = $('hd-day').value;
    D.api('PUT', '/api/v1/admin/holidays/' + encodeURIComponent(day), { name: $('hd-name').value.trim() }).then(function (r) {
      D.done(form, t('holidayAdded', E.day(r.day), r.movedAppeals.length));
      $('hd-name').value = '';
      $('hd-year').value = day.slice(0, 4);
      return load();
    }, function (e) { E.showProblem(form, e); });
  }

  function removeDay(day) {
    var form = $('holiday-form');
    D.clearProblems(form);
    D.api('DELETE', '/api/v1/admin/holidays/' + encodeURIComponent(day)).then(function (r) {
      D.done(form, t('holidayRemoved', E.day(r.day), r.movedAppeals.length));
      return load();
    }, function (e) { E.showProblem(form, e); });
  }

  function years() {
    var now = +E.today().slice(0, 4);
    [now - 1, now, now + 1].forEach(function (y) { $('hd-year').appendChild(el('option', { value: String(y) }, [String(y)])); });
    $('hd-year').value = String(now);
  }

  // after routing.js's D.page: the desk is shown (or refused) by then
  if ($('desk').hidden) { return; }
  years();
  E.applyLanguage(); // this panel's texts came after routing.js filled the page's
  $('hd-save').disabled = !admin();
  $('hd-year').addEventListener('change', load);
  $('holiday-form').addEventListener('submit', save);
  D.onLanguage(render);
  load();
}());
