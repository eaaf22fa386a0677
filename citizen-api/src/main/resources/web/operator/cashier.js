/* The cashier desk: find an account by number, take a payment (cash or card terminal) with the desk's
   receipt number, print the receipt (PDF in uz/ru/en, fetched with the session and opened as a blob),
   list today's payments and cancel one the same day with a reason. */
(function () {
  'use strict';
  var D = window.EkDesk;
  var $ = function (id) { return document.getElementById(id); };
  D.texts({
    uz: { cashier: 'Kassa', reports: 'Hisobotlar', cashierTitle: 'Kassa: toʻlov qabul qilish',
      cashierDenied: 'Bu sahifa kassirlar, operatorlar va administratorlar uchun.',
      accountNumber: 'Shaxsiy hisob raqami', find: 'Topish', takePayment: 'Toʻlovni qabul qilish', balance: 'Qoldiq',
      som: 'soʻm', amount: 'Summa (soʻm)', channel: 'Toʻlov usuli', ch_cash: 'Naqd pul', ch_card_terminal: 'Karta (terminal)',
      receiptNumber: 'Kvitansiya raqami', take: 'Qabul qilish', taken: 'Toʻlov qabul qilindi', repeated: 'Bu kvitansiya avval qabul qilingan',
      openReceipt: 'Kvitansiyani ochish', today: 'Bugungi toʻlovlar', status: 'Holat', stands: 'qabul qilingan',
      cancelled: 'bekor qilingan', cancel: 'Bekor qilish', cancelTitle: 'Toʻlovni bekor qilish', reason: 'Sabab',
      cancelPayment: 'Bekor qilish', select: 'Tanlash', noAccounts: 'Bunday hisob topilmadi',
      e7301: 'Toʻlov topilmadi', e7302: 'Bu kvitansiya raqami boshqa toʻlovga berilgan', e7303: 'Toʻlov allaqachon bekor qilingan',
      e7304: 'Faqat bugungi toʻlov kassada bekor qilinadi', e7305: 'Tuzatish rad etildi', e7306: 'Faqat kassirlar, operatorlar va administratorlar uchun',
      e7010: 'Hisob yopilgan', fixTitle: 'Toʻlovlarni tuzatish', fixHint: 'Notoʻgʻri hisobga tushgan toʻlovni koʻchirish yoki qaytarish (faqat operator).',
      paidAt: 'Vaqt', move: 'Koʻchirish', refund: 'Qaytarish', toAccount: 'Toʻgʻri hisob raqami', confirm: 'Tasdiqlash',
      moved: 'Toʻlov koʻchirildi', refunded: 'Toʻlov qaytarildi' },
    ru: { cashier: 'Касса', reports: 'Отчёты', cashierTitle: 'Касса: приём платежей',
      cashierDenied: 'Эта страница для кассиров, операторов и администраторов.',
      accountNumber: 'Лицевой счёт', find: 'Найти', takePayment: 'Принять платёж', balance: 'Сальдо',
      som: 'сум', amount: 'Сумма (сум)', channel: 'Способ оплаты', ch_cash: 'Наличные', ch_card_terminal: 'Карта (терминал)',
      receiptNumber: 'Номер квитанции', take: 'Принять', taken: 'Платёж принят', repeated: 'Эта квитанция уже была принята',
      openReceipt: 'Открыть квитанцию', today: 'Платежи за сегодня', status: 'Статус', stands: 'принят',
      cancelled: 'отменён', cancel: 'Отменить', cancelTitle: 'Отмена платежа', reason: 'Причина',
      cancelPayment: 'Отменить платёж', select: 'Выбрать', noAccounts: 'Такой счёт не найден',
      e7301: 'Платёж не найден', e7302: 'Этот номер квитанции уже выдан другому платежу', e7303: 'Платёж уже отменён',
      e7304: 'В кассе отменяется только сегодняшний платёж', e7305: 'Исправление отклонено', e7306: 'Только для кассиров, операторов и администраторов',
      e7010: 'Счёт закрыт', fixTitle: 'Исправление платежей', fixHint: 'Перенести платёж, попавший не на тот счёт, или вернуть его (только оператор).',
      paidAt: 'Время', move: 'Перенести', refund: 'Вернуть', toAccount: 'Номер верного счёта', confirm: 'Подтвердить',
      moved: 'Платёж перенесён', refunded: 'Платёж возвращён' },
    en: { cashier: 'Cashier desk', reports: 'Reports', cashierTitle: 'Cashier desk: take a payment',
      cashierDenied: 'This page is for cashiers, operators and administrators.',
      accountNumber: 'Account number', find: 'Find', takePayment: 'Take a payment', balance: 'Balance',
      som: 'soʻm', amount: 'Amount (soʻm)', channel: 'Paid by', ch_cash: 'Cash', ch_card_terminal: 'Card (terminal)',
      receiptNumber: 'Receipt number', take: 'Take payment', taken: 'Payment taken', repeated: 'This receipt was taken before',
      openReceipt: 'Open the receipt', today: 'Today’s payments', status: 'Status', stands: 'taken',
      cancelled: 'cancelled', cancel: 'Cancel', cancelTitle: 'Cancel payment', reason: 'Reason',
      cancelPayment: 'Cancel payment', select: 'Select', noAccounts: 'No such account',
      e7301: 'Payment not found', e7302: 'This receipt number was given to another payment', e7303: 'The payment is already cancelled',
      e7304: 'Only a payment of today is cancelled at the desk', e7305: 'Correction refused', e7306: 'Cashiers, operators and administrators only',
      e7010: 'Account closed', fixTitle: 'Correct payments', fixHint: 'Move a payment that landed on the wrong account, or refund it (operators only).',
      paidAt: 'Time', move: 'Move', refund: 'Refund', toAccount: 'The right account number', confirm: 'Confirm',
      moved: 'Payment moved', refunded: 'Payment refunded' }
  });

  var chosen = null;      // the account money is taken for
  var lastPayment = null; // the payment whose receipt the buttons print
  var cancelling = null;

  function find(e) {
    e.preventDefault();
    var form = $('find-form');
    D.clearProblems(form);
    if (!D.filled(form, 'find-number')) { return; }
    D.api('GET', '/api/v1/cashier/accounts?number=' + encodeURIComponent($('find-number').value.trim()))
      .then(function (r) {
        var box = $('found');
        box.textContent = '';
        if (!r.accounts.length) { box.appendChild(D.i18n('p', 'noAccounts', { 'class': 'note', id: 'no-accounts' })); return; }
        r.accounts.forEach(function (a) {
          var pick = D.i18n('button', 'select', { type: 'button', 'class': 'small', 'data-account': a.id });
          pick.addEventListener('click', function () { choose(a); });
          box.appendChild(D.el('p', {}, [D.el('b', {}, [a.number]), ' ', a.holder || '', ' · ', a.address || '', ' · ',
            a.balance, ' ', pick]));
        });
        if (r.accounts.length === 1) { choose(r.accounts[0]); }
      }).catch(function (err) { D.showProblem(form, err); });
  }

  function choose(a) {
    chosen = a;
    $('pay-form').hidden = false;
    $('pay-account').textContent = a.number;
    $('pay-holder').textContent = a.holder || '';
    $('pay-balance').textContent = a.balance;
    $('receipt-links').hidden = true;
    D.done($('pay-form'), '');
    $('pay-amount').focus();
    loadFixes();
  }

  /* ---- Corrections (operators and administrators): move to the right account, refund ---- */

  var fixing = null;

  function loadFixes() {
    if (!chosen || (D.role() !== 'OPERATOR' && D.role() !== 'ADMINISTRATOR')) { return; }
    D.api('GET', '/api/v1/operator/accounts/' + chosen.id + '/payments').then(function (r) {
      $('fix-panel').hidden = false;
      var rows = $('fix-rows');
      rows.textContent = '';
      r.payments.forEach(function (p) {
        var actions = [];
        if (!p.cancelled) {
          ['move', 'refund'].forEach(function (kind) {
            var b = D.i18n('button', kind, { type: 'button', 'class': 'small', 'data-fix': kind, 'data-payment': p.id });
            b.addEventListener('click', function () { startFix(p, kind); });
            actions.push(b);
          });
        }
        rows.appendChild(D.el('tr', { 'data-fix-payment': p.id, 'class': p.cancelled ? 'retired' : null }, [
          D.el('td', {}, [D.when(p.paidAt)]), D.el('td', {}, [channelName(p.channel)]), D.el('td', {}, [p.amount]),
          D.el('td', { 'class': 'status' }, [D.t(p.cancelled ? 'cancelled' : 'stands') + (p.cancelReason ? ': ' + p.cancelReason : '')]),
          D.el('td', {}, actions)]));
      });
    }).catch(function (err) { $('fix-done').hidden = false; $('fix-done').textContent = err.message; });
  }

  /** Our words for the desk's channels; a payment system's own name (payme, click, ...) as it is. */
  function channelName(code) {
    var ours = D.t('ch_' + code);
    return ours === 'ch_' + code ? code : ours;
  }

  function startFix(p, kind) {
    fixing = { payment: p, kind: kind };
    $('fix-form').hidden = false;
    $('fix-kind-title').textContent = D.t(kind);
    $('fix-payment').textContent = p.amount + ' ' + D.t('som');
    $('fix-to-label').hidden = kind !== 'move';
    D.clearProblems($('fix-form'));
    (kind === 'move' ? $('fix-to') : $('fix-reason')).focus();
  }

  /** The right account's id, found by its number among the caller's provider's accounts. */
  function target() {
    var number = $('fix-to').value.trim();
    return D.api('GET', '/api/v1/cashier/accounts?number=' + encodeURIComponent(number)).then(function (r) {
      var same = r.accounts.filter(function (a) { return a.providerId === chosen.providerId; });
      if (!same.length) {
        var e = new Error(D.t('noAccounts'));
        e.problem = { field: 'toAccountId', code: 4103 };
        throw e;
      }
      return same[0].id;
    });
  }

  function fix(e) {
    e.preventDefault();
    var form = $('fix-form');
    D.clearProblems(form);
    if ((fixing.kind === 'move' && !D.filled(form, 'fix-to')) || !D.filled(form, 'fix-reason')) { return; }
    var path = '/api/v1/operator/payments/' + fixing.payment.id + '/' + fixing.kind;
    var reason = $('fix-reason').value.trim();
    (fixing.kind === 'move' ? target() : Promise.resolve(null)).then(function (to) {
      return D.api('POST', path, to === null ? { reason: reason } : { toAccountId: to, reason: reason });
    }).then(function () {
      form.hidden = true;
      $('fix-reason').value = '';
      $('fix-to').value = '';
      $('fix-done').textContent = D.t(fixing.kind === 'move' ? 'moved' : 'refunded');
      $('fix-done').hidden = false;
      loadFixes();
    }).catch(function (err) { D.showProblem(form, err); });
  }

  function take(e) {
    e.preventDefault();
    var form = $('pay-form');
    D.clearProblems(form);
    D.done(form, '');
    if (!D.filled(form, 'pay-amount') || !D.filled(form, 'pay-receipt')) { return; }
    $('pay-submit').disabled = true;
    D.api('POST', '/api/v1/cashier/payments', { accountId: chosen.id, amount: $('pay-amount').value.trim().replace(',', '.'),
      channel: $('pay-channel').value, receiptNumber: $('pay-receipt').value.trim() })
      .then(function (p) {
        lastPayment = p;
        D.done(form, D.t('taken') + ': ' + p.receiptNumber + ' · ' + p.amount + ' ' + D.t('som'));
        $('receipt-links').hidden = false;
        $('receipt-link').hidden = true;
        $('pay-amount').value = '';
        $('pay-receipt').value = '';
        loadDay();
      }).catch(function (err) { D.showProblem(form, err); })
      .then(function () { $('pay-submit').disabled = false; });
  }

  /* The receipt needs the session's token, so it is fetched and opened as a blob, not linked. */
  function printReceipt(lang) {
    if (!lastPayment) { return; }
    var session = window.Ek.session();
    fetch('/api/v1/cashier/payments/' + lastPayment.id + '/receipt.pdf?lang=' + lang,
      { headers: { Authorization: 'Bearer ' + (session ? session.accessToken : '') } })
      .then(function (r) {
        if (!r.ok) { throw new Error(D.t('failed')); }
        return r.blob();
      }).then(function (blob) {
        var link = $('receipt-link');
        link.href = URL.createObjectURL(blob);
        link.setAttribute('data-type', blob.type);
        link.setAttribute('data-size', String(blob.size));
        link.setAttribute('data-lang', lang);
        link.hidden = false;
      }).catch(function (err) { D.showProblem($('pay-form'), err); });
  }

  function loadDay() {
    var path = '/api/v1/cashier/payments';
    if (D.role() === 'ADMINISTRATOR') {
      if (!chosen) { return; }
      path += '?providerId=' + chosen.providerId;
    }
    D.api('GET', path).then(function (day) {
      var rows = $('day-rows');
      rows.textContent = '';
      day.payments.forEach(function (p) {
        var action = null;
        if (!p.cancelled) {
          action = D.i18n('button', 'cancel', { type: 'button', 'class': 'small', 'data-cancel': p.id });
          action.addEventListener('click', function () { startCancel(p); });
        }
        rows.appendChild(D.el('tr', { 'data-payment': p.id, 'class': p.cancelled ? 'retired' : null }, [
          D.el('td', {}, [p.receiptNumber]), D.el('td', {}, [p.accountNumber]), D.el('td', {}, [p.amount]),
          D.el('td', {}, [D.t('ch_' + p.channel)]),
          D.el('td', { 'class': 'status' }, [D.t(p.cancelled ? 'cancelled' : 'stands') + (p.cancelReason ? ': ' + p.cancelReason : '')]),
          D.el('td', {}, [action])]));
      });
      $('day-total').textContent = '· ' + day.total + ' ' + D.t('som');
      $('day-error').hidden = true;
    }).catch(function (err) { $('day-error').textContent = err.message; $('day-error').hidden = false; });
  }

  function startCancel(p) {
    cancelling = p;
    $('cancel-form').hidden = false;
    $('cancel-receipt').textContent = p.receiptNumber;
    D.clearProblems($('cancel-form'));
    $('cancel-reason').focus();
  }

  function cancel(e) {
    e.preventDefault();
    var form = $('cancel-form');
    D.clearProblems(form);
    if (!D.filled(form, 'cancel-reason')) { return; }
    D.api('POST', '/api/v1/cashier/payments/' + cancelling.id + '/cancel', { reason: $('cancel-reason').value.trim() })
      .then(function () {
        form.hidden = true;
        $('cancel-reason').value = '';
        loadDay();
      }).catch(function (err) { D.showProblem(form, err); });
  }

  D.page(function () {
    $('find-form').addEventListener('submit', find);
    $('pay-form').addEventListener('submit', take);
    $('cancel-form').addEventListener('submit', cancel);
    $('fix-form').addEventListener('submit', fix);
    document.querySelectorAll('[data-receipt-lang]').forEach(function (b) {
      b.addEventListener('click', function () { printReceipt(b.getAttribute('data-receipt-lang')); });
    });
    D.onLanguage(loadDay);
    loadDay();
  }, { CASHIER: true, OPERATOR: true, ADMINISTRATOR: true });
}());
