/*
 * e-kommunal tariff informer, embeddable. On any site:
 *   <div data-ekommunal-tariffs data-region="TASHKENT_CITY"></div>
 *   <script src="https://<e-kommunal host>/embed/tariffs.js" defer></script>
 * or an iframe: <iframe src="https://<e-kommunal host>/embed/tariffs.html?region=TASHKENT_CITY"></iframe>
 * Attributes: data-region, data-date (YYYY-MM-DD, default today), data-controls (region and date pickers).
 * Without a placeholder element the table is put right after the script tag.
 * Plain ES5-level JavaScript, no build step; the table lives in a shadow root so the host's CSS does not leak in.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src, location.href) : new URL(location.href);
  var origin = base.origin;

  var UTILITIES = {
    ELECTRICITY: ['Elektr energiyasi', 'Электроэнергия', 'Electricity'],
    NATURAL_GAS: ['Tabiiy gaz', 'Природный газ', 'Natural gas'],
    COLD_WATER: ['Sovuq suv', 'Холодная вода', 'Cold water'],
    SEWERAGE: ['Kanalizatsiya', 'Канализация', 'Sewerage'],
    HOT_WATER: ['Issiq suv', 'Горячая вода', 'Hot water'],
    HEATING: ['Isitish', 'Отопление', 'Heating'],
    GARBAGE: ['Chiqindi olib ketish', 'Вывоз мусора', 'Garbage removal']
  };
  var UNITS = {
    'kWh': 'kVt·soat', 'm3': 'm³', 'Gcal': 'Gkal',
    'resident-month': 'kishi/oy', 'm2-month': 'm²/oy', 'month': 'oy'
  };
  var REGIONS = {
    TASHKENT_CITY: 'Toshkent shahri', TASHKENT_REGION: 'Toshkent viloyati', ANDIJAN: 'Andijon',
    BUKHARA: 'Buxoro', FERGANA: 'Farg‘ona', JIZZAKH: 'Jizzax', KASHKADARYA: 'Qashqadaryo',
    KHOREZM: 'Xorazm', NAMANGAN: 'Namangan', NAVOI: 'Navoiy', SAMARKAND: 'Samarqand',
    SIRDARYA: 'Sirdaryo', SURKHANDARYA: 'Surxondaryo', KARAKALPAKSTAN: 'Qoraqalpog‘iston'
  };

  /* "1234567.50" -> "1 234 567,50": exact, from the API's decimal strings, no floating point. */
  function money(text) {
    var parts = String(text).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return parts.length > 1 ? whole + ',' + parts[1] : whole;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function label(names) {
    return el('span', {}, [names[0], el('small', {}, [names[1] + ' · ' + names[2]])]);
  }

  function priceCell(price) {
    if (!price) {
      return el('td', { 'class': 'none' }, ['—']);
    }
    var unit = UNITS[price.unit] || price.unit;
    var cell = el('td', {}, [el('b', {}, [money(price.price)]), ' so‘m/' + unit]);
    if (price.blocks && price.blocks.length > 1) {
      var list = el('ul', { 'class': 'blocks' });
      price.blocks.forEach(function (b) {
        var range = b.to === null ? b.from + '+' : b.from + '–' + b.to;
        list.appendChild(el('li', {}, [range + ' ' + unit.split('/')[0] + ': ' + money(b.price)]));
      });
      cell.appendChild(list);
    }
    return cell;
  }

  function table(data) {
    var body = el('tbody');
    data.tariffs.forEach(function (row) {
      body.appendChild(el('tr', {}, [
        el('th', { scope: 'row' }, [label(UTILITIES[row.utility] || [row.utility, '', ''])]),
        priceCell(row.withMeter), priceCell(row.withoutMeter)]));
    });
    return el('table', {}, [
      el('caption', {}, ['Kommunal xizmatlar tariflari', el('small', {}, [
        (REGIONS[data.region] || data.region) + ', ' + data.date + ' · so‘m, QQS bilan · Тарифы · Tariffs'])]),
      el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col' }, [label(['Xizmat', 'Услуга', 'Service'])]),
        el('th', { scope: 'col' }, [label(['Hisoblagich bilan', 'Со счётчиком', 'With meter'])]),
        el('th', { scope: 'col' }, [label(['Hisoblagichsiz', 'Без счётчика', 'Without meter'])])])]),
      body]);
  }

  function controls(state, reload) {
    var region = el('select', { 'aria-label': 'Hudud / Регион / Region' });
    Object.keys(REGIONS).forEach(function (code) {
      var option = el('option', { value: code }, [REGIONS[code]]);
      if (code === state.region) { option.selected = true; }
      region.appendChild(option);
    });
    var date = el('input', { type: 'date', 'aria-label': 'Sana / Дата / Date', value: state.date || '' });
    region.addEventListener('change', function () { state.region = region.value; reload(); });
    date.addEventListener('change', function () { state.date = date.value; reload(); });
    return el('div', { 'class': 'controls' }, [region, date]);
  }

  function mount(host) {
    if (host.ekommunalTariffs) { return; }
    host.ekommunalTariffs = true;
    var params = new URLSearchParams(location.search);
    var withControls = host.hasAttribute('data-controls');
    var state = {
      region: host.getAttribute('data-region') || (withControls && params.get('region')) || 'TASHKENT_CITY',
      date: host.getAttribute('data-date') || (withControls && params.get('date')) || ''
    };
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    root.appendChild(el('link', { rel: 'stylesheet', href: origin + '/embed/tariffs.css' }));
    var out = el('div', { 'class': 'ek-tariffs', 'aria-live': 'polite' });
    function load() {
      var url = new URL('/api/v1/tariffs', origin);
      url.searchParams.set('region', state.region);
      if (state.date) { url.searchParams.set('date', state.date); }
      out.textContent = 'Yuklanmoqda… / Загрузка…';
      fetch(url.toString()).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        out.textContent = '';
        if (!answer.ok) {
          out.appendChild(el('p', { 'class': 'error' }, [answer.body.detail || 'Xatolik / Ошибка']));
          return;
        }
        out.appendChild(table(answer.body));
        out.appendChild(el('p', { 'class': 'source' }, [
          el('a', { href: origin + '/calculator.html', target: '_blank', rel: 'noopener' },
            ['Kalkulyator · Калькулятор · Calculator'])]));
      }).catch(function () {
        out.textContent = 'Tariflarni yuklab bo‘lmadi / Не удалось загрузить тарифы';
      });
    }
    if (withControls) { root.appendChild(controls(state, load)); }
    root.appendChild(out);
    load();
  }

  function start() {
    var hosts = document.querySelectorAll('[data-ekommunal-tariffs]');
    if (hosts.length === 0 && script && script.parentNode) {
      var host = el('div', { 'data-ekommunal-tariffs': '' });
      script.parentNode.insertBefore(host, script.nextSibling);
      hosts = [host];
    }
    Array.prototype.forEach.call(hosts, mount);
  }

  window.EkommunalTariffs = { utilities: UTILITIES, units: UNITS, regions: REGIONS, money: money, start: start };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
