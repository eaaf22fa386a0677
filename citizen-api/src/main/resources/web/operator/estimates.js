/* Administrators keep the repair estimate's catalogue: every item's dated rate versions per region, and a
   new version (which closes the open one it follows). Talks to /api/v1/admin/estimates (see openapi.yaml). */
(function () {
  'use strict';
  var D = window.EkDesk;
  var t = D.t, el = D.el;
  var $ = function (id) { return document.getElementById(id); };
  var items = [];

  D.texts({
    uz: {
      publicPage: 'Smeta kalkulyatori', catalogueTitle: 'Smeta: ishlar va narxlar',
      catalogueHint: 'Yangi narx versiyasi o‘zidan oldingi ochiq versiyani boshlanish kunida yopadi.',
      newRate: 'Yangi narx versiyasi', item: 'Ish', region: 'Hudud', validFrom: 'Amal qiladi (dan)',
      validTo: 'gacha', materials: 'Materiallar, so‘m', labour: 'Ish haqi, so‘m', save: 'Saqlash', saved: 'Saqlandi',
      e8703: 'Narx versiyalari bir-biriga to‘g‘ri keladi'
    },
    ru: {
      publicPage: 'Калькулятор сметы', catalogueTitle: 'Смета: работы и расценки',
      catalogueHint: 'Новая версия расценки закрывает предыдущую открытую в день своего начала.',
      newRate: 'Новая версия расценки', item: 'Работа', region: 'Регион', validFrom: 'Действует с',
      validTo: 'по', materials: 'Материалы, сум', labour: 'Работа, сум', save: 'Сохранить', saved: 'Сохранено',
      e8703: 'Версии расценок пересекаются'
    },
    en: {
      publicPage: 'Estimate calculator', catalogueTitle: 'Estimates: work items and rates',
      catalogueHint: 'A new rate version closes the open one before it on the day it starts.',
      newRate: 'New rate version', item: 'Work item', region: 'Region', validFrom: 'Valid from',
      validTo: 'until', materials: 'Materials, so‘m', labour: 'Labour, so‘m', save: 'Save', saved: 'Saved',
      e8703: 'Rate versions overlap'
    }
  });

  function load() {
    D.api('GET', '/api/v1/admin/estimates/items').then(function (r) { items = r.items; render(); })
      .catch(function (err) { D.showProblem($('rate-form'), err); });
  }

  function render() {
    var select = $('rate-item'), chosen = select.value;
    select.textContent = '';
    var rows = $('rate-rows');
    rows.textContent = '';
    items.forEach(function (item) {
      var name = item.names[D.lang()] || item.code;
      select.appendChild(el('option', { value: item.code }, [name]));
      item.rates.forEach(function (r) {
        rows.appendChild(el('tr', { 'data-item': item.code, 'data-region': r.region }, [
          el('td', {}, [name]), el('td', {}, [r.region]), el('td', {}, [D.day(r.validFrom)]),
          el('td', {}, [r.validTo ? D.day(r.validTo) : '—']), el('td', {}, [r.materials]), el('td', {}, [r.labour])]));
      });
    });
    if (chosen) { select.value = chosen; }
  }

  function save(ev) {
    ev.preventDefault();
    var form = $('rate-form');
    D.clearProblems(form);
    D.api('POST', '/api/v1/admin/estimates/rates', {
      item: $('rate-item').value, region: $('rate-region').value.trim(), validFrom: $('rate-from').value,
      materials: $('rate-materials').value.trim(), labour: $('rate-labour').value.trim()
    }).then(function () { D.done(form, t('saved')); load(); })
      .catch(function (err) { D.showProblem(form, err); });
  }

  D.page(function () {
    $('rate-form').addEventListener('submit', save);
    D.onLanguage(render);
    load();
  }, { ADMINISTRATOR: true });
}());
