/* The tariff version form's prices: a row per block (up to what amount, at what price) and at most one
   seasonal norm (winter's first and last day, the norm in winter and the rest of the year), each with
   add and remove buttons, checked here with the catalogue's words before the book's own rules. Turns
   the rows into the book's notation ("200:600|*:2000", "11-01..03-01:500/100") and back, so nobody
   types it. Plain JS on top of desk.js (window.EkDesk). */
(function () {
  'use strict';
  var D = window.EkDesk;
  var el = D.el, t = D.t;
  var $ = function (id) { return document.getElementById(id); };

  D.texts({
    uz: {
      blockLimit: 'Chegara (gacha)', blockPrice: 'Narx, so‘m', addBlock: '+ Blok qo‘shish', removeBlock: '{0}-blokni olib tashlash',
      restPlaceholder: 'qolgani', addSeason: '+ Mavsumiy me’yor qo‘shish', removeSeason: 'Mavsumiy me’yorni olib tashlash',
      seasonFrom: 'Qish boshi (kun.oy)', seasonTo: 'Qish oxiri (kun.oy, shu kun ham)', winterNorm: 'Qishdagi me’yor',
      summerNorm: 'Yilning qolgan qismidagi me’yor', blocksNote: 'Oxirgi blokning chegarasi bo‘sh — undan ortig‘i uchun.',
      vPriceMissing: '{0}-blokning narxini kiriting', vNotNumber: '{0}-blok: son kiriting, masalan 600 yoki 226,50',
      vAscending: '{0}-blokning chegarasi oldingisidan katta bo‘lishi kerak', vRestLast: 'Chegarasiz faqat oxirgi blok bo‘ladi',
      vNoBlocks: 'Kamida bitta blok kerak', vSeasonDay: 'Sanani kun.oy ko‘rinishida yozing, masalan 01.11',
      vNormMissing: 'Me’yorni son bilan kiriting', vSeasonBlocks: 'Mavsumiy me’yor bilan ikkita blok kerak: me’yor ichida va undan ortig‘i',
      seasonLine: 'Qish {0}–{1}: me’yor {2}; qolgan vaqtda: {3}'
    },
    ru: {
      blockLimit: 'Граница (до)', blockPrice: 'Цена, сум', addBlock: '+ Добавить блок', removeBlock: 'Удалить блок {0}',
      restPlaceholder: 'остальное', addSeason: '+ Добавить сезонную норму', removeSeason: 'Удалить сезонную норму',
      seasonFrom: 'Начало зимы (дд.мм)', seasonTo: 'Конец зимы (дд.мм, включительно)', winterNorm: 'Норма зимой',
      summerNorm: 'Норма в остальное время', blocksNote: 'У последнего блока граница пустая — всё, что сверх.',
      vPriceMissing: 'Укажите цену блока {0}', vNotNumber: 'Блок {0}: введите число, например 600 или 226,50',
      vAscending: 'Граница блока {0} должна быть больше предыдущей', vRestLast: 'Без границы может быть только последний блок',
      vNoBlocks: 'Нужен хотя бы один блок', vSeasonDay: 'Дата в виде дд.мм, например 01.11',
      vNormMissing: 'Укажите норму числом', vSeasonBlocks: 'С сезонной нормой нужны два блока: в пределах нормы и сверх',
      seasonLine: 'Зима {0}–{1}: норма {2}; в остальное время: {3}'
    },
    en: {
      blockLimit: 'Limit (up to)', blockPrice: 'Price, UZS', addBlock: '+ Add a block', removeBlock: 'Remove block {0}',
      restPlaceholder: 'the rest', addSeason: '+ Add a seasonal norm', removeSeason: 'Remove the seasonal norm',
      seasonFrom: 'Winter starts (dd.mm)', seasonTo: 'Winter ends (dd.mm, inclusive)', winterNorm: 'Norm in winter',
      summerNorm: 'Norm the rest of the year', blocksNote: 'Leave the last block’s limit empty: it prices everything above.',
      vPriceMissing: 'Enter the price of block {0}', vNotNumber: 'Block {0}: enter a number, e.g. 600 or 226.50',
      vAscending: 'Block {0}’s limit must be above the one before', vRestLast: 'Only the last block may have no limit',
      vNoBlocks: 'At least one block is needed', vSeasonDay: 'Write the day as dd.mm, e.g. 01.11',
      vNormMissing: 'Enter the norm as a number', vSeasonBlocks: 'A seasonal norm needs two blocks: within the norm and above it',
      seasonLine: 'Winter {0}–{1}: norm {2}; rest of the year: {3}'
    }
  });

  /** A problem found in the rows: its words and the input at fault. */
  function Invalid(message, input) {
    this.message = message;
    this.input = input;
  }

  /** "226,50" or "226.50" as the book's "226.50"; null if not a non-negative number. */
  function decimal(text) {
    var s = String(text).trim().replace(/\s+/g, '').replace(',', '.');
    return /^\d+(\.\d+)?$/.test(s) ? s : null;
  }

  /** "01.11" (day.month) as "11-01"; null if no such day (29.02 allowed: some years have it). */
  function monthDay(text) {
    var m = /^(\d{1,2})\.(\d{1,2})$/.exec(String(text).trim());
    if (!m) { return null; }
    var d = +m[1], mo = +m[2];
    var days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    return days && d >= 1 && d <= days ? pad(mo) + '-' + pad(d) : null;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** The day after "02-28" is "03-01" (a year without 29 February, as the book counts a season's end). */
  function shift(md, days) {
    var p = md.split('-');
    var d = new Date(Date.UTC(2025, +p[0] - 1, +p[1]) + days * 86400000);
    return pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }

  function dayMonth(md) { var p = md.split('-'); return p[1] + '.' + p[0]; }

  /** "450.00" as the page writes numbers: "450,00" in uz and ru. */
  function written(text) { return D.lang() === 'en' ? String(text) : String(text).replace('.', ','); }

  /* ---- Rows ---- */

  function input(cls, key, value, extra) {
    var attrs = { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'class': cls };
    Object.keys(extra || {}).forEach(function (k) { attrs[k] = extra[k]; });
    var node = el('input', attrs);
    node.value = value || '';
    return el('label', {}, [D.i18n('span', key), node]);
  }

  function addBlock(limit, price) {
    var row = el('div', { 'class': 'block-row' }, [
      input('b-limit', 'blockLimit', limit),
      input('b-price', 'blockPrice', price),
      el('button', { type: 'button', 'class': 'small remove' }, ['×'])]);
    row.querySelector('.remove').addEventListener('click', function () { row.remove(); relabel(); });
    $('block-rows').appendChild(row);
    relabel();
    return row;
  }

  function addSeason(from, to, winter, summer) {
    var row = el('div', { 'class': 'season-row' }, [
      el('div', { 'class': 'pair' }, [
        input('s-from', 'seasonFrom', from, { inputmode: 'numeric', placeholder: '01.11' }),
        input('s-to', 'seasonTo', to, { inputmode: 'numeric', placeholder: '28.02' })]),
      el('div', { 'class': 'pair' }, [input('s-winter', 'winterNorm', winter), input('s-summer', 'summerNorm', summer)]),
      el('button', { type: 'button', 'class': 'small remove' }, [D.i18n('span', 'removeSeason')])]);
    row.querySelector('.remove').addEventListener('click', function () { row.remove(); relabel(); });
    $('season-rows').appendChild(row);
    relabel();
    return row;
  }

  /** Numbers the remove buttons, marks the open-ended last block, the norm's block, and who can be added. */
  function relabel() {
    var seasonal = !!$('season-rows').querySelector('.season-row');
    var rows = $('block-rows').querySelectorAll('.block-row');
    rows.forEach(function (row, i) {
      row.querySelector('.remove').setAttribute('aria-label', t('removeBlock', i + 1));
      var limit = row.querySelector('.b-limit');
      var norm = seasonal && i === 0;
      limit.disabled = norm;
      if (norm) { limit.value = ''; }
      limit.setAttribute('placeholder', norm ? t('withinNorm') : i === rows.length - 1 ? t('restPlaceholder') : '');
    });
    $('season-add').hidden = seasonal;
  }

  function clear() {
    $('block-rows').textContent = '';
    $('season-rows').textContent = '';
  }

  /** Shows a version's prices as rows: blocks "200:600|*:2000", season "11-01..03-01:500/100" or null. */
  function fill(blocks, season) {
    clear();
    var m = season ? /^(\d\d-\d\d)\.\.(\d\d-\d\d):([\d.]+)\/([\d.]+)$/.exec(season) : null;
    if (m) { addSeason(dayMonth(m[1]), dayMonth(shift(m[2], -1)), written(m[3]), written(m[4])); }
    String(blocks || '*:').split('|').forEach(function (b) {
      var i = b.lastIndexOf(':'), limit = b.slice(0, i);
      addBlock(limit === '*' || limit === 'norm' ? '' : written(limit), written(b.slice(i + 1)));
    });
    relabel();
  }

  /* ---- Reading and checking ---- */

  function readBlocks(seasonal) {
    var rows = Array.prototype.slice.call($('block-rows').querySelectorAll('.block-row'));
    if (!rows.length) { throw new Invalid(t('vNoBlocks'), $('block-add')); }
    if (seasonal && rows.length !== 2) { throw new Invalid(t('vSeasonBlocks'), $('block-add')); }
    var previous = null;
    return rows.map(function (row, i) {
      var limitInput = row.querySelector('.b-limit'), priceInput = row.querySelector('.b-price');
      if (!priceInput.value.trim()) { throw new Invalid(t('vPriceMissing', i + 1), priceInput); }
      var price = decimal(priceInput.value);
      if (price === null) { throw new Invalid(t('vNotNumber', i + 1), priceInput); }
      if (seasonal && i === 0) { return 'norm:' + price; }
      if (!limitInput.value.trim()) {
        if (i !== rows.length - 1) { throw new Invalid(t('vRestLast'), limitInput); }
        return '*:' + price;
      }
      var limit = decimal(limitInput.value);
      if (limit === null) { throw new Invalid(t('vNotNumber', i + 1), limitInput); }
      if (previous !== null && Number(limit) <= Number(previous)) { throw new Invalid(t('vAscending', i + 1), limitInput); }
      previous = limit;
      return limit + ':' + price;
    }).join('|');
  }

  function readSeason(row) {
    var from = row.querySelector('.s-from'), to = row.querySelector('.s-to');
    var start = monthDay(from.value), last = monthDay(to.value);
    if (!start) { throw new Invalid(t('vSeasonDay'), from); }
    if (!last) { throw new Invalid(t('vSeasonDay'), to); }
    var winter = row.querySelector('.s-winter'), summer = row.querySelector('.s-summer');
    if (decimal(winter.value) === null) { throw new Invalid(t('vNormMissing'), winter); }
    if (decimal(summer.value) === null) { throw new Invalid(t('vNormMissing'), summer); }
    return start + '..' + shift(last === '02-29' ? '02-28' : last, 1) + ':' + decimal(winter.value) + '/' + decimal(summer.value);
  }

  /**
   * The rows in the book's notation, {blocks, season (or undefined)}; on a mistake shows it next to the
   * input at fault, in the form's language, and returns null.
   */
  function read(form) {
    var seasonRow = $('season-rows').querySelector('.season-row');
    try {
      var season = seasonRow ? readSeason(seasonRow) : undefined;
      return { blocks: readBlocks(!!seasonRow), season: season };
    } catch (e) {
      if (!(e instanceof Invalid)) { throw e; }
      D.showProblem(form, { problem: { field: seasonRow && e.input.closest('.season-row') ? 'season' : 'blocks' }, message: e.message });
      e.input.setAttribute('aria-invalid', 'true');
      e.input.focus();
      return null;
    }
  }

  /** "11-01..03-01:500/100" in words: "Qish 01.11–28.02: me’yor 500; qolgan vaqtda: 100". */
  function seasonText(season) {
    var m = /^(\d\d-\d\d)\.\.(\d\d-\d\d):([\d.]+)\/([\d.]+)$/.exec(season || '');
    return m ? t('seasonLine', dayMonth(m[1]), dayMonth(shift(m[2], -1)), written(m[3]), written(m[4])) : season;
  }

  function init() {
    $('block-add').addEventListener('click', function () { addBlock('', '').querySelector('.b-limit').focus(); });
    $('season-add').addEventListener('click', function () {
      addSeason('', '', '', '').querySelector('.s-from').focus();
      while ($('block-rows').querySelectorAll('.block-row').length < 2) { addBlock('', ''); }
      relabel();
    });
    D.onLanguage(relabel);
    fill('*:', null);
  }

  window.EkTariffForm = { init: init, fill: fill, read: read, seasonText: seasonText };
}());
