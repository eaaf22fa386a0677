/* A household takes its data elsewhere: per linked account its bills as CSV, per meter its readings as CSV
   and, for electricity, its interval data as Green Button XML, for the chosen days. The files come from
   the API with the session's token and are saved from a blob. */
(function () {
  'use strict';
  var E = window.Ek;
  var el = E.el, t = E.t;
  var $ = function (id) { return document.getElementById(id); };
  var cards = [];

  E.texts({
    uz: {
      menu: 'Menyu', home: 'Bosh sahifa', exportTitle: 'Ma’lumotlarimni yuklab olish',
      exportIntro: 'Ko‘rsatkichlar va hisob-kvitansiyalar CSV faylda, elektr energiyasi esa Green Button (XML) ko‘rinishida. Ko‘rsatkichlar bir martada ko‘pi bilan 366 kunlik.',
      signInFirst: 'Yuklab olish uchun kiring.', signInLink: 'Kirish', from: 'Boshlanish sanasi', to: 'Tugash sanasi (kiritilmaydi)',
      bills: 'Hisob-kvitansiyalar (CSV)', readings: 'Ko‘rsatkichlar (CSV)', greenButton: 'Green Button (XML)', meter: 'Hisoblagich',
      u_electricity: 'Elektr energiyasi', u_gas: 'Tabiiy gaz', u_cold_water: 'Sovuq suv', u_hot_water_heating: 'Issiq suv va isitish', u_garbage: 'Chiqindi'
    },
    ru: {
      menu: 'Меню', home: 'Главная', exportTitle: 'Скачать мои данные',
      exportIntro: 'Показания и счета в CSV, электроэнергия также в формате Green Button (XML). Показания — не больше 366 дней за раз.',
      signInFirst: 'Чтобы скачать данные, войдите.', signInLink: 'Войти', from: 'С даты', to: 'По дату (не включая)',
      bills: 'Счета (CSV)', readings: 'Показания (CSV)', greenButton: 'Green Button (XML)', meter: 'Счётчик',
      u_electricity: 'Электроэнергия', u_gas: 'Природный газ', u_cold_water: 'Холодная вода', u_hot_water_heating: 'Горячая вода и отопление', u_garbage: 'Вывоз мусора'
    },
    en: {
      menu: 'Menu', home: 'Home', exportTitle: 'Download my data',
      exportIntro: 'Readings and bills as CSV, electricity also as Green Button (XML). Readings: at most 366 days at a time.',
      signInFirst: 'Sign in to download your data.', signInLink: 'Sign in', from: 'From', to: 'To (not included)',
      bills: 'Bills (CSV)', readings: 'Readings (CSV)', greenButton: 'Green Button (XML)', meter: 'Meter',
      u_electricity: 'Electricity', u_gas: 'Natural gas', u_cold_water: 'Cold water', u_hot_water_heating: 'Hot water and heating', u_garbage: 'Garbage'
    }
  });

  function range() {
    var q = new URLSearchParams();
    if ($('ex-from').value) { q.set('from', $('ex-from').value); }
    if ($('ex-to').value) { q.set('to', $('ex-to').value); }
    return q.toString();
  }

  function download(path, filename) {
    E.clearProblems($('ex-form'));
    E.api('GET', path + '?' + range(), undefined, { raw: true }).then(function (r) { return r.blob(); })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = el('a', { href: url, download: filename });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      }, function (e) { E.showProblem($('ex-form'), e); });
  }

  function button(key, path, filename) {
    var b = el('button', { type: 'button', 'class': 'small', 'data-download': path }, [t(key)]);
    b.addEventListener('click', function () { download(path, filename); });
    return b;
  }

  function render() {
    var list = $('ex-list');
    list.textContent = '';
    cards.forEach(function (c) {
      if (c.status !== 'ok') { return; }
      var li = el('li', { 'data-account': c.accountId }, [
        el('p', {}, [el('b', {}, [c.account.number]), ' · ' + (E.has('u_' + c.utility) ? t('u_' + c.utility) : c.utility)]),
        button('bills', '/api/v1/accounts/' + c.accountId + '/invoices.csv', 'bills-' + c.account.number + '.csv')]);
      (c.meters || []).forEach(function (m) {
        li.appendChild(el('p', { 'class': 'note' }, [t('meter') + ' ' + m.serial]));
        li.appendChild(button('readings', '/api/v1/meters/' + encodeURIComponent(m.serial) + '/readings.csv',
          'readings-' + m.serial + '.csv'));
        if (c.utility === 'electricity') {
          li.appendChild(button('greenButton', '/api/v1/meters/' + encodeURIComponent(m.serial) + '/greenbutton.xml',
            'greenbutton-' + m.serial + '.xml'));
        }
      });
      list.appendChild(li);
    });
  }

  E.languageButtons();
  E.onLanguage(function () { if (cards.length) { render(); } });
  E.applyLanguage();
  var today = E.today();
  $('ex-to').value = today;
  $('ex-from').value = new Date(Date.parse(today) - 30 * 86400000).toISOString().slice(0, 10);
  if (!E.session()) {
    $('ex-signin').hidden = false;
  } else {
    E.api('GET', '/api/v1/me/widgets?limit=30').then(function (page) {
      cards = page.items;
      render();
    }, function (e) { E.showProblem($('ex-form'), e); });
  }
}());
