/* The administrators' staff page: grant and revoke the complaints-officer and operator roles,
   add or remove days off (open appeals' deadlines are counted again and residents told), and the
   areas (regions, districts) a provider serves (/api/v1/admin/providers). Talks to
   /api/v1/admin/users/{id}/role and /api/v1/admin/holidays/{day} (see openapi.yaml); the API
   refuses everyone but administrators, and every change is in the audit log. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      areasTitle: 'Ta’minotchining hududlari', areasHint: 'Uy xo‘jaligi shu hududlardan birida bo‘lishi kerak. Tumansiz — butun viloyat.', providerCode: 'Ta’minotchi kodi', region: 'Viloyat', district: 'Tuman', addArea: 'Hudud qo‘shish', removeArea: 'Hududni olib tashlash', wholeRegion: 'butun viloyat', areasSaved: 'Hududlar saqlandi: ', noProvider: 'Bunday ta’minotchi yo‘q',
      staff: 'Xodimlar', routing: 'Murojaatlar yo‘nalishi', staffTitle: 'Xodimlar va dam olish kunlari',
      staffAdminsOnly: 'Bu yerdagi o‘zgarishlarni faqat administratorlar qiladi; har biri audit jurnaliga yoziladi.',
      rolesTitle: 'Rol berish yoki olish', userId: 'Foydalanuvchi ID', role: 'Rol', organisation: 'Tashkilot',
      providerId: 'Xizmat ko‘rsatuvchi ID', grant: 'Berish', revoke: 'Olib qo‘yish',
      roleCOMPLAINTS_OFFICER: 'murojaatlar bo‘yicha xodim', roleHOUSEHOLD: 'xonadon',
      granted: 'Rol berildi: ', revoked: 'Rol olib qo‘yildi: ',
      holidaysTitle: 'Dam olish kunlari', holidaysHint: 'Ochiq murojaatlarning muddatlari qayta hisoblanadi, fuqarolarga SMS yuboriladi.',
      day: 'Sana', holidayName: 'Nomi', addHoliday: 'Qo‘shish', removeHoliday: 'O‘chirish',
      holidayAdded: 'Qo‘shildi. Muddati o‘zgargan murojaatlar: ', holidayRemoved: 'O‘chirildi. Muddati o‘zgargan murojaatlar: ',
      e6192: 'Foydalanuvchi topilmadi'
    },
    ru: {
      areasTitle: 'Территории поставщика', areasHint: 'Домохозяйство должно быть в одной из них. Без района — весь регион.', providerCode: 'Код поставщика', region: 'Регион', district: 'Район', addArea: 'Добавить территорию', removeArea: 'Убрать территорию', wholeRegion: 'весь регион', areasSaved: 'Территории сохранены: ', noProvider: 'Нет такого поставщика',
      staff: 'Сотрудники', routing: 'Маршруты обращений', staffTitle: 'Сотрудники и выходные дни',
      staffAdminsOnly: 'Изменения здесь вносят только администраторы; каждое записывается в журнал аудита.',
      rolesTitle: 'Выдать или отозвать роль', userId: 'ID пользователя', role: 'Роль', organisation: 'Организация',
      providerId: 'ID поставщика', grant: 'Выдать', revoke: 'Отозвать',
      roleCOMPLAINTS_OFFICER: 'сотрудник по обращениям', roleHOUSEHOLD: 'житель',
      granted: 'Роль выдана: ', revoked: 'Роль отозвана: ',
      holidaysTitle: 'Выходные дни', holidaysHint: 'Сроки открытых обращений пересчитываются, жителям отправляется SMS.',
      day: 'Дата', holidayName: 'Название', addHoliday: 'Добавить', removeHoliday: 'Удалить',
      holidayAdded: 'Добавлено. Обращений с новым сроком: ', holidayRemoved: 'Удалено. Обращений с новым сроком: ',
      e6192: 'Пользователь не найден'
    },
    en: {
      areasTitle: 'Areas a provider serves', areasHint: 'Each household is in one of them. No district: the whole region.', providerCode: 'Provider code', region: 'Region', district: 'District', addArea: 'Add the area', removeArea: 'Remove the area', wholeRegion: 'whole region', areasSaved: 'Areas saved: ', noProvider: 'No such provider',
      staff: 'Staff', routing: 'Appeal routing', staffTitle: 'Staff and days off',
      staffAdminsOnly: 'Only administrators make changes here; each one goes to the audit log.',
      rolesTitle: 'Grant or revoke a role', userId: 'User ID', role: 'Role', organisation: 'Organisation',
      providerId: 'Provider ID', grant: 'Grant', revoke: 'Revoke',
      roleCOMPLAINTS_OFFICER: 'complaints officer', roleHOUSEHOLD: 'household',
      granted: 'Role granted: ', revoked: 'Role revoked: ',
      holidaysTitle: 'Days off', holidaysHint: 'Open appeals\u2019 deadlines are counted again and residents get an SMS.',
      day: 'Date', holidayName: 'Name', addHoliday: 'Add', removeHoliday: 'Remove',
      holidayAdded: 'Added. Appeals whose deadline moved: ', holidayRemoved: 'Removed. Appeals whose deadline moved: ',
      e6192: 'User not found'
    }
  });

  function userPath(form) {
    if (!D.filled(form, 'r-user')) { return null; }
    var id = $('r-user').value.trim();
    if (!/^\d{1,18}$/.test(id)) {
      D.showProblem(form, { problem: { field: 'userId' }, message: t('e3001') });
      return null;
    }
    return '/api/v1/admin/users/' + id + '/role';
  }

  function roleDone(form, prefix, r) {
    D.done(form, t(prefix) + t('role' + r.role) + (r.organisationId ? ' · #' + r.organisationId : '')
      + (r.providerId ? ' · #' + r.providerId : ''));
  }

  function showRoleFields() {
    var officer = $('r-role').value === 'complaints_officer';
    $('r-org-label').hidden = !officer;
    $('r-provider-label').hidden = officer;
  }

  function grant(e) {
    e.preventDefault();
    var form = $('role-form');
    D.clearProblems(form);
    D.done(form, '');
    var path = userPath(form);
    if (!path) { return; }
    var body = { role: $('r-role').value };
    if (body.role === 'complaints_officer') {
      body.organisationId = Number($('r-org').value);
    } else {
      if (!D.filled(form, 'r-provider')) { return; }
      body.providerId = Number($('r-provider').value.trim());
    }
    D.api('PUT', path, body).then(function (r) { roleDone(form, 'granted', r); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  function revoke() {
    var form = $('role-form');
    D.clearProblems(form);
    D.done(form, '');
    var path = userPath(form);
    if (!path) { return; }
    D.api('DELETE', path).then(function (r) { roleDone(form, 'revoked', r); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  function holiday(add) {
    var form = $('holiday-form');
    D.clearProblems(form);
    D.done(form, '');
    if (!D.filled(form, 'h-day') || (add && !D.filled(form, 'h-name'))) { return; }
    var path = '/api/v1/admin/holidays/' + encodeURIComponent($('h-day').value);
    var call = add ? D.api('PUT', path, { name: $('h-name').value.trim() }) : D.api('DELETE', path);
    call.then(function (r) {
      D.done(form, t(add ? 'holidayAdded' : 'holidayRemoved') + (r.movedAppeals || []).length);
    }).catch(function (err) { D.showProblem(form, err); });
  }

  var REGIONS = ['TASHKENT_CITY', 'TASHKENT_REGION', 'ANDIJAN', 'BUKHARA', 'FERGANA', 'JIZZAKH', 'KASHKADARYA',
    'KHOREZM', 'NAMANGAN', 'NAVOI', 'SAMARKAND', 'SIRDARYA', 'SURKHANDARYA', 'KARAKALPAKSTAN'];

  function areaText(a) { return a.region + ' · ' + (a.district || t('wholeRegion')); }

  function showAreas(areas) {
    var list = $('areas-list');
    list.textContent = '';
    areas.forEach(function (a) { list.appendChild(D.el('li', { 'data-region': a.region }, [areaText(a)])); });
  }

  /** The provider as the list has it, its other areas changed, sent back whole (its requisites as they are). */
  function changeAreas(add) {
    var form = $('areas-form');
    D.clearProblems(form);
    D.done(form, '');
    if (!D.filled(form, 'a-code')) { return; }
    var code = $('a-code').value.trim().toUpperCase();
    var area = { region: $('a-region').value, district: $('a-district').value.trim() || null };
    D.api('GET', '/api/v1/admin/providers').then(function (r) {
      var p = r.items.filter(function (i) { return i.code === code; })[0];
      if (!p) { throw { problem: { field: 'code' }, message: t('noProvider') }; }
      var same = function (a) {
        return a.region === area.region && (a.district || '').toLowerCase() === (area.district || '').toLowerCase();
      };
      var others = p.areas.slice(1).filter(function (a) { return !same(a); });
      if (add) { others.push(area); }
      var body = { district: p.district, areas: others };
      Object.keys(p.requisites).forEach(function (k) { body[k] = p.requisites[k]; });
      return D.api('PUT', '/api/v1/admin/providers/' + encodeURIComponent(code), body);
    }).then(function (r) {
      showAreas(r.areas);
      D.done(form, t('areasSaved') + r.areas.length);
    }).catch(function (err) { D.showProblem(form, err); });
  }

  function loadOrganisations() {
    return D.api('GET', '/api/v1/appeals-organisations').then(function (r) {
      var select = $('r-org');
      select.textContent = '';
      r.items.forEach(function (o) { select.appendChild(D.el('option', { value: String(o.id) }, [o.name])); });
    });
  }

  D.page(function () {
    $('role-form').addEventListener('submit', grant);
    $('r-revoke').addEventListener('click', revoke);
    $('r-role').addEventListener('change', showRoleFields);
    $('holiday-form').addEventListener('submit', function (e) { e.preventDefault(); holiday(true); });
    $('h-remove').addEventListener('click', function () { holiday(false); });
    REGIONS.forEach(function (r) { $('a-region').appendChild(D.el('option', { value: r }, [r])); });
    $('areas-form').addEventListener('submit', function (e) { e.preventDefault(); changeAreas(true); });
    $('a-remove').addEventListener('click', function () { changeAreas(false); });
    showRoleFields();
    loadOrganisations().catch(function (err) { D.showProblem($('role-form'), err); });
  });
}());
