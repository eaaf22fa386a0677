/* Daily consumption as bars in inline SVG (no library, no inline styles: colours come from app.css).
   Estimated days get the class "estimated" (hatched); days without readings stay empty. */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  // labels of 12 units: at least 11 px on a 360 px phone, where the chart is about 300 px wide
  var W = 300, H = 140, TOP = 18, BOTTOM = 20;
  var TASHKENT_MS = 5 * 3600 * 1000; // UTC+5 all year: the billing day starts at local midnight

  function svg(tag, attrs, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function dayLabel(iso) {
    var d = new Date(Date.parse(iso) + TASHKENT_MS);
    return ('0' + d.getUTCDate()).slice(-2) + '.' + ('0' + (d.getUTCMonth() + 1)).slice(-2);
  }

  /**
   * The largest day's value as a label: never "0.0" for a small positive one (0.04 Gcal stays 0,04),
   * with the page's decimal separator (common.js) when it is loaded.
   */
  function amount(v) {
    var text = v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : String(Number(v.toPrecision(2)));
    return window.Ek ? window.Ek.number(text) : text;
  }

  /** @param unitName the unit in the page's language ("kWh" -> "kVt·soat"); the code itself without one */
  function bars(series, t, unitName) {
    var unit = unitName ? unitName(series.unit) : (series.unit || '');
    var points = series.points || [];
    var values = points.map(function (p) { return p.value === null ? null : Number(p.value); });
    var max = Math.max.apply(null, values.filter(function (v) { return v !== null; }).concat([0]));
    var filled = values.filter(function (v) { return v !== null; }).length;
    var step = W / Math.max(points.length, 1);
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart', role: 'img',
      'data-register': series.register, 'data-days': points.length, 'data-filled': filled });
    chart.appendChild(svg('title', {}, t('consumption') + ', ' + unit));
    chart.appendChild(svg('line', { x1: 0, y1: H - BOTTOM, x2: W, y2: H - BOTTOM, 'class': 'axis' }));
    chart.appendChild(svg('text', { x: 0, y: 13, 'class': 'max' }, max ? amount(max) + ' ' + unit : t('noData')));
    points.forEach(function (p, i) {
      var v = values[i];
      var h = v === null || !max ? 0 : Math.max(1, (H - TOP - BOTTOM) * v / max);
      var bar = svg('rect', { x: (i * step + 1).toFixed(2), y: (H - BOTTOM - h).toFixed(2),
        width: Math.max(step - 2, 1).toFixed(2), height: h.toFixed(2),
        'class': 'bar' + (p.estimated ? ' estimated' : '') + (v === null ? ' empty' : '') });
      bar.appendChild(svg('title', {}, dayLabel(p.from) + ': ' + (v === null ? t('noData')
        : (window.Ek ? window.Ek.number(String(v)) : v) + ' ' + unit + (p.estimated ? ' (' + t('estimated') + ')' : ''))));
      chart.appendChild(bar);
      var last = i === points.length - 1;
      // A label a week; the last one is right-aligned and the weekly one before it kept clear of it.
      if (last || (i % 7 === 0 && i < points.length - 5)) {
        chart.appendChild(svg('text', { x: last ? W : (i * step).toFixed(2), y: H - 3,
          'text-anchor': last ? 'end' : 'start', 'class': 'day' }, dayLabel(p.from)));
      }
    });
    var legend = document.createElement('p');
    legend.className = 'legend';
    var mark = document.createElement('span');
    mark.className = 'swatch estimated';
    legend.appendChild(mark);
    var label = document.createElement('span');
    label.setAttribute('data-i18n', 'estimated');
    label.textContent = t('estimated');
    legend.appendChild(label);
    var box = document.createElement('figure');
    box.className = 'chart-figure';
    box.appendChild(chart);
    box.appendChild(legend);
    return box;
  }

  window.EkommunalChart = { bars: bars };
}());
