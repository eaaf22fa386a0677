/*
 * e-kommunal tariff informer, embeddable. On any site:
 *   <div data-ekommunal-tariffs data-region="TASHKENT_CITY"></div>
 *   <script src="https://<e-kommunal host>/embed/tariffs.js" defer></script>
 * or an iframe: <iframe src="https://<e-kommunal host>/embed/tariffs.html?region=TASHKENT_CITY"></iframe>
 * Attributes: data-region, data-date (YYYY-MM-DD, default today), data-controls (region and date pickers),
 * data-lang (uz, ru or en; default the page's own language, else uz; ?lang= for the iframe).
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
    uz: { kWh: 'kVt·soat', m3: 'm³', Gcal: 'Gkal', 'resident-month': 'kishi·oy', 'm2-month': 'm²·oy', month: 'oy',
      m2: 'm²', resident: 'kishi' },
    ru: { kWh: 'кВт·ч', m3: 'м³', Gcal: 'Гкал', 'resident-month': 'чел.·мес.', 'm2-month': 'м²·мес.', month: 'мес.',
      m2: 'м²', resident: 'чел.' },
    en: { kWh: 'kWh', m3: 'm³', Gcal: 'Gcal', 'resident-month': 'resident·month', 'm2-month': 'm²·month', month: 'month',
      m2: 'm²', resident: 'residents' }
  };
  var REGIONS = {
    TASHKENT_CITY: ['Toshkent shahri', 'г. Ташкент', 'Tashkent city'],
    TASHKENT_REGION: ['Toshkent viloyati', 'Ташкентская обл.', 'Tashkent region'],
    ANDIJAN: ['Andijon', 'Андижан', 'Andijan'], BUKHARA: ['Buxoro', 'Бухара', 'Bukhara'],
    FERGANA: ['Farg‘ona', 'Фергана', 'Fergana'], JIZZAKH: ['Jizzax', 'Джизак', 'Jizzakh'],
    KASHKADARYA: ['Qashqadaryo', 'Кашкадарья', 'Kashkadarya'], KHOREZM: ['Xorazm', 'Хорезм', 'Khorezm'],
    NAMANGAN: ['Namangan', 'Наманган', 'Namangan'], NAVOI: ['Navoiy', 'Навои', 'Navoi'],
    SAMARKAND: ['Samarqand', 'Самарканд', 'Samarkand'], SIRDARYA: ['Sirdaryo', 'Сырдарья', 'Sirdarya'],
    SURKHANDARYA: ['Surxondaryo', 'Сурхандарья', 'Surkhandarya'],
    KARAKALPAKSTAN: ['Qoraqalpog‘iston', 'Каракалпакстан', 'Karakalpakstan']
  };
  var TEXTS = {
    uz: { caption: 'Kommunal xizmatlar tariflari', vat: 'so‘m, QQS bilan', service: 'Xizmat', withMeter: 'Hisoblagich bilan',
      withoutMeter: 'Hisoblagichsiz', soum: 'so‘m', calculator: 'Qancha to‘layman? Kalkulyator', loading: 'Yuklanmoqda…',
      failed: 'Tariflarni yuklab bo‘lmadi', region: 'Hudud', date: 'Sana', upTo: '{0} gacha', above: '{0} dan ortiq' },
    ru: { caption: 'Тарифы на коммунальные услуги', vat: 'сум, с НДС', service: 'Услуга', withMeter: 'Со счётчиком',
      withoutMeter: 'Без счётчика', soum: 'сум', calculator: 'Сколько я заплачу? Калькулятор', loading: 'Загрузка…',
      failed: 'Не удалось загрузить тарифы', region: 'Регион', date: 'Дата', upTo: 'до {0}', above: 'свыше {0}' },
    en: { caption: 'Utility tariffs', vat: 'UZS, VAT included', service: 'Service', withMeter: 'With a meter',
      withoutMeter: 'Without a meter', soum: 'UZS', calculator: 'How much will I pay? Calculator', loading: 'Loading…',
      failed: 'Could not load the tariffs', region: 'Region', date: 'Date', upTo: 'up to {0}', above: 'above {0}' }
  };
  var INDEX = { uz: 0, ru: 1, en: 2 };
  var mounted = [];

  /** On e-kommunal's own pages, the language the reader chose there (common.js keeps it); elsewhere none. */
  function ownLanguage() {
    try {
      return origin === location.origin ? localStorage.getItem('ek.lang') : null;
    } catch (e) {
      return null;
    }
  }

  function known(lang) { return TEXTS[lang] ? lang : 'uz'; }

  /* "1234567.50" -> "1 234 567,50" (uz, ru) or "1,234,567.50" (en): exact, from the API's decimal strings. */
  function money(text, lang) {
    var en = lang === 'en';
    var parts = String(text).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, en ? ',' : '\u00a0');
    return parts.length > 1 ? whole + (en ? '.' : ',') + parts[1] : whole;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function name(map, code, lang) { return map[code] ? map[code][INDEX[known(lang)]] : code; }
  function unit(code, lang) { return UNITS[known(lang)][code] || code; }

  /** What a quantity is counted in: kWh for kWh, m² for "m² a month" (the months are counted apart). */
  function quantityUnit(code, lang) {
    var m = /^(.+)-month$/.exec(code || '');
    return m ? unit(m[1], lang) : code === 'month' ? '' : unit(code, lang);
  }
  function text(key, lang, arg) { return TEXTS[known(lang)][key].replace('{0}', arg); }

  /** "up to 200 kWh: 450", "above 200 kWh: 900": each block with its limits, in the reader's words. */
  function priceCell(price, lang) {
    if (!price) {
      return el('td', { 'class': 'none' }, ['—']);
    }
    var u = unit(price.unit, lang);
    var amount = quantityUnit(price.unit, lang);
    var cell = el('td', {}, [el('b', {}, [money(price.price, lang)]), ' ' + text('soum', lang) + '/' + u]);
    if (price.blocks && price.blocks.length > 1) {
      var list = el('ul', { 'class': 'blocks' });
      price.blocks.forEach(function (b) {
        var range = b.to === null ? text('above', lang, money(b.from, lang)) : text('upTo', lang, money(b.to, lang));
        list.appendChild(el('li', {}, [range + ' ' + amount + ': ' + money(b.price, lang)]));
      });
      cell.appendChild(list);
    }
    return cell;
  }

  function table(data, lang) {
    var body = el('tbody');
    data.tariffs.forEach(function (row) {
      body.appendChild(el('tr', {}, [
        el('th', { scope: 'row' }, [name(UTILITIES, row.utility, lang)]),
        priceCell(row.withMeter, lang), priceCell(row.withoutMeter, lang)]));
    });
    var d = String(data.date).split('-');
    return el('table', {}, [
      el('caption', {}, [text('caption', lang), el('small', {}, [
        name(REGIONS, data.region, lang) + ', ' + d[2] + '.' + d[1] + '.' + d[0] + ' · ' + text('vat', lang)])]),
      el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col' }, [text('service', lang)]),
        el('th', { scope: 'col' }, [text('withMeter', lang)]),
        el('th', { scope: 'col' }, [text('withoutMeter', lang)])])]),
      body]);
  }

  function controls(state, reload) {
    var region = el('select', { 'aria-label': text('region', state.lang) });
    Object.keys(REGIONS).forEach(function (code) {
      var option = el('option', { value: code }, [name(REGIONS, code, state.lang)]);
      if (code === state.region) { option.selected = true; }
      region.appendChild(option);
    });
    var date = el('input', { type: 'date', 'aria-label': text('date', state.lang), value: state.date || '' });
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
      date: host.getAttribute('data-date') || (withControls && params.get('date')) || '',
      lang: known(host.getAttribute('data-lang') || (withControls && params.get('lang'))
        || ownLanguage() || (document.documentElement.lang || '').slice(0, 2))
    };
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    root.appendChild(el('link', { rel: 'stylesheet', href: origin + '/embed/tariffs.css' }));
    var out = el('div', { 'class': 'ek-tariffs', 'aria-live': 'polite' });
    function load() {
      var url = new URL('/api/v1/tariffs', origin);
      url.searchParams.set('region', state.region);
      if (state.date) { url.searchParams.set('date', state.date); }
      out.textContent = text('loading', state.lang);
      var lang = state.lang;
      fetch(url.toString()).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        out.textContent = '';
        if (!answer.ok) {
          out.appendChild(el('p', { 'class': 'error' }, [text('failed', lang)]));
          return;
        }
        out.setAttribute('lang', lang);
        out.appendChild(table(answer.body, lang));
        out.appendChild(el('p', { 'class': 'source' }, [
          el('a', { href: origin + '/calculator.html', target: '_blank', rel: 'noopener' },
            [text('calculator', lang)])]));
      }).catch(function () {
        out.textContent = text('failed', lang);
      });
    }
    var bar = withControls ? controls(state, load) : null;
    if (bar) { root.appendChild(bar); }
    root.appendChild(out);
    mounted.push(function (lang) {
      state.lang = known(lang);
      if (bar) {
        var fresh = controls(state, load);
        root.replaceChild(fresh, bar);
        bar = fresh;
      }
      load();
    });
    load();
  }

  /** Shows every informer on the page in this language (uz, ru or en), as the calculator's switch does. */
  function setLanguage(lang) {
    mounted.forEach(function (f) { f(lang); });
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

  window.EkommunalTariffs = {
    utilities: UTILITIES, regions: REGIONS, money: money, start: start, setLanguage: setLanguage,
    name: function (code, lang) { return name(UTILITIES, code, lang); },
    region: function (code, lang) { return name(REGIONS, code, lang); },
    unit: unit, quantityUnit: quantityUnit
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
