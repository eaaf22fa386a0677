/* Which organisation answers each service's appeals, per district (a blank district is the service's
   default): operators read the table, administrators change it; every change is in the audit log.
   Talks to /api/v1/admin/appeal-routes (see openapi.yaml). */
(function () {
  'use strict';
  // problems in the page's words only (E.showProblem), never the API's English details
  var D = window.EkDesk, E = window.Ek, A = window.EkAppeals;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var routes = [];

  D.texts({
    uz: {
      menu: 'Menyu', staff: 'Xodimlar', routing: 'Murojaatlar yo‘nalishi', routingTitle: 'Murojaatlar qaysi tashkilotga boradi',
      routingIntro: 'Har bir xizmat bo‘yicha murojaatga javob beradigan tashkilot; tuman ko‘rsatilmasa — barcha tumanlar uchun.',
      service: 'Xizmat', district: 'Tuman', organisation: 'Tashkilot', allDistricts: 'barcha tumanlar',
      routeChange: 'Yo‘nalishni o‘zgartirish', routeAdminsOnly: 'Faqat administratorlar o‘zgartiradi; har bir o‘zgarish audit jurnaliga yoziladi.',
      save: 'Saqlash', saved: 'Saqlandi: {0} → {1}', roleCOMPLAINTS_OFFICER: 'murojaatlar bo‘yicha xodim'
    },
    ru: {
      menu: 'Меню', staff: 'Сотрудники', routing: 'Маршруты обращений', routingTitle: 'Куда направляются обращения',
      routingIntro: 'Организация, отвечающая на обращения по каждой услуге; без района — для всех районов.',
      service: 'Услуга', district: 'Район', organisation: 'Организация', allDistricts: 'все районы',
      routeChange: 'Изменить маршрут', routeAdminsOnly: 'Меняют только администраторы; каждое изменение записывается в журнал аудита.',
      save: 'Сохранить', saved: 'Сохранено: {0} → {1}', roleCOMPLAINTS_OFFICER: 'сотрудник по обращениям'
    },
    en: {
      menu: 'Menu', staff: 'Staff', routing: 'Appeal routing', routingTitle: 'Where appeals go',
      routingIntro: 'The organisation that answers each service’s appeals; with no district, for all districts.',
      service: 'Service', district: 'District', organisation: 'Organisation', allDistricts: 'all districts',
      routeChange: 'Change a route', routeAdminsOnly: 'Only administrators change routes; each change goes to the audit log.',
      save: 'Save', saved: 'Saved: {0} → {1}', roleCOMPLAINTS_OFFICER: 'complaints officer'
    }
  });

  function render() {
    var body = $('routes').querySelector('tbody');
    body.textContent = '';
    routes.forEach(function (r) {
      body.appendChild(el('tr', { 'data-category': r.category, 'data-district': r.district || '' }, [
        el('td', {}, [A.service(r.category)]), el('td', {}, [r.district || t('allDistricts')]),
        el('td', { 'class': 'org' }, [A.organisation(r.organisationId)])]));
    });
  }

  function fillSelects() {
    A.options($('rt-category'), A.CATEGORIES, 'cat_');
    var org = $('rt-org'), was = org.value;
    org.textContent = '';
    A.organisations().forEach(function (o) { org.appendChild(el('option', { value: o.id }, [A.organisation(o.id)])); });
    if (was) { org.value = was; }
  }

  function load() {
    return D.api('GET', '/api/v1/admin/appeal-routes').then(function (r) {
      routes = r.routes;
      render();
    });
  }

  function save(ev) {
    ev.preventDefault();
    var form = $('route-form');
    D.clearProblems(form);
    D.done(form, '');
    var route = { category: $('rt-category').value, organisationId: +$('rt-org').value };
    var district = $('rt-district').value.trim();
    if (district) { route.district = district; }
    D.api('PUT', '/api/v1/admin/appeal-routes', { routes: [route] }).then(function (r) {
      routes = r.routes;
      render();
      D.done(form, t('saved', A.service(route.category) + (district ? ' · ' + district : ''),
        A.organisation(route.organisationId)));
    }, function (e) { E.showProblem(form, e); });
  }

  D.page(function () {
    var admin = D.role() === 'ADMINISTRATOR';
    $('rt-save').disabled = !admin;
    $('route-form').addEventListener('submit', save);
    D.onLanguage(function () { fillSelects(); render(); });
    A.loadOrganisations().then(function () {
      fillSelects();
      return load();
    }).catch(function (e) { E.showProblem($('route-form'), e); });
  });
}());
