/* The appeals' words in uz/ru/en, shared by the residents' page, the public questions and the
   officers' desk: services, kinds, statuses, history steps, the law's grounds for rejection, regions
   and the answering organisations (named by their code, so no server English reaches the page). */
(function () {
  'use strict';
  var E = window.Ek;

  var CATEGORIES = ['gas', 'electricity', 'cold_water', 'hot_water', 'heating', 'garbage', 'billing'];
  var KINDS = ['complaint', 'proposal', 'application'];
  var STATUSES = ['draft', 'sent', 'accepted', 'forwarded', 'rejected', 'answered', 'closed'];
  var GROUNDS = ['OBSCENE_INSULTING_OR_THREATENING', 'MEANINGLESS', 'UNINTELLIGIBLE_ABBREVIATIONS', 'ADVERTISING',
    'NO_CONCRETE_REQUEST'];
  var REGIONS = ['toshkent_sh', 'toshkent', 'andijon', 'buxoro', 'fargona', 'jizzax', 'xorazm', 'namangan', 'navoiy',
    'qashqadaryo', 'samarqand', 'sirdaryo', 'surxondaryo', 'qoraqalpogiston'];

  E.texts({
    uz: {
      sphere_utility_services: 'Kommunal xizmatlar',
      cat_gas: 'Tabiiy gaz', cat_electricity: 'Elektr energiyasi', cat_cold_water: 'Sovuq suv va kanalizatsiya',
      cat_hot_water: 'Issiq suv', cat_heating: 'Isitish', cat_garbage: 'Chiqindilarni olib ketish',
      cat_billing: 'Hisoblar va to‘lovlar',
      kind_complaint: 'Shikoyat', kind_proposal: 'Taklif', kind_application: 'Ariza (savol)',
      st_draft: 'Qoralama', st_sent: 'Yuborilgan', st_accepted: 'Ko‘rib chiqilmoqda', st_forwarded: 'Boshqa tashkilotga yo‘naltirilgan',
      st_rejected: 'Rad etilgan', st_answered: 'Javob berilgan', st_closed: 'Yopilgan',
      act_save: 'Saqlandi', act_send: 'Yuborildi', act_accept: 'Ko‘rib chiqishga qabul qilindi', act_forward: 'Yo‘naltirildi',
      act_reject: 'Rad etildi', act_answer: 'Javob berildi', act_extend: 'Muddat uzaytirildi', act_close: 'Yopildi',
      by_HOUSEHOLD: 'fuqaro', by_COMPLAINTS_OFFICER: 'tashkilot xodimi', by_ADMINISTRATOR: 'administrator',
      by_OPERATOR: 'operator', by_OPEN311: 'tashqi tizim',
      gr_OBSCENE_INSULTING_OR_THREATENING: 'Behayo, haqoratli yoki tahdidli so‘zlar', gr_MEANINGLESS: 'Ma’nosiz matn',
      gr_UNINTELLIGIBLE_ABBREVIATIONS: 'Tushunarsiz qisqartmalar bilan yozilgan', gr_ADVERTISING: 'Reklama',
      gr_NO_CONCRETE_REQUEST: 'Aniq talab yoki savol yo‘q',
      reg_toshkent_sh: 'Toshkent shahri', reg_toshkent: 'Toshkent viloyati', reg_andijon: 'Andijon viloyati',
      reg_buxoro: 'Buxoro viloyati', reg_fargona: 'Farg‘ona viloyati', reg_jizzax: 'Jizzax viloyati',
      reg_xorazm: 'Xorazm viloyati', reg_namangan: 'Namangan viloyati', reg_navoiy: 'Navoiy viloyati',
      reg_qashqadaryo: 'Qashqadaryo viloyati', reg_samarqand: 'Samarqand viloyati', reg_sirdaryo: 'Sirdaryo viloyati',
      reg_surxondaryo: 'Surxondaryo viloyati', reg_qoraqalpogiston: 'Qoraqalpog‘iston Respublikasi',
      org_hududgaztaminot: 'Hududgaztaminot (gaz taʼminoti)', org_rec: 'Hududiy elektr tarmoqlari korxonasi',
      org_suvsoz: 'Suvsoz (suv taʼminoti va kanalizatsiya)', org_issiqlik: 'Issiqlik manbai (isitish va issiq suv)',
      org_maxsustrans: 'Maxsustrans (chiqindilarni olib ketish)', org_ekommunal: 'E-kommunal hisob-kitob markazi',
      e6001: 'Murojaat topilmadi', e6002: 'Murojaatning hozirgi holatida bu amal mumkin emas',
      e6003: 'Bu amal uchun belgilangan muddat o‘tgan', e6004: 'Bu xizmat bo‘yicha javob beradigan tashkilot yo‘q',
      e6005: 'Fayl juda katta', e6006: 'Bu turdagi fayl qabul qilinmaydi (rasm, PDF yoki video)',
      e6007: 'Fayl topilmadi', e6008: 'Fayllar juda ko‘p (ko‘pi bilan 10 ta)',
      e6191: 'Murojaat ko‘p marta yo‘naltirilgan: endi administrator hal qiladi', e6193: 'Murojaatga hali javob berilmagan'
    },
    ru: {
      sphere_utility_services: 'Коммунальные услуги',
      cat_gas: 'Природный газ', cat_electricity: 'Электроэнергия', cat_cold_water: 'Холодная вода и канализация',
      cat_hot_water: 'Горячая вода', cat_heating: 'Отопление', cat_garbage: 'Вывоз мусора', cat_billing: 'Счета и платежи',
      kind_complaint: 'Жалоба', kind_proposal: 'Предложение', kind_application: 'Заявление (вопрос)',
      st_draft: 'Черновик', st_sent: 'Отправлено', st_accepted: 'На рассмотрении', st_forwarded: 'Перенаправлено',
      st_rejected: 'Отклонено', st_answered: 'Дан ответ', st_closed: 'Закрыто',
      act_save: 'Сохранено', act_send: 'Отправлено', act_accept: 'Принято к рассмотрению', act_forward: 'Перенаправлено',
      act_reject: 'Отклонено', act_answer: 'Дан ответ', act_extend: 'Срок продлён', act_close: 'Закрыто',
      by_HOUSEHOLD: 'житель', by_COMPLAINTS_OFFICER: 'сотрудник организации', by_ADMINISTRATOR: 'администратор',
      by_OPERATOR: 'оператор', by_OPEN311: 'внешняя система',
      gr_OBSCENE_INSULTING_OR_THREATENING: 'Нецензурные, оскорбительные или угрожающие выражения',
      gr_MEANINGLESS: 'Бессмысленный текст', gr_UNINTELLIGIBLE_ABBREVIATIONS: 'Написано непонятными сокращениями',
      gr_ADVERTISING: 'Реклама', gr_NO_CONCRETE_REQUEST: 'Нет конкретного требования или вопроса',
      reg_toshkent_sh: 'город Ташкент', reg_toshkent: 'Ташкентская область', reg_andijon: 'Андижанская область',
      reg_buxoro: 'Бухарская область', reg_fargona: 'Ферганская область', reg_jizzax: 'Джизакская область',
      reg_xorazm: 'Хорезмская область', reg_namangan: 'Наманганская область', reg_navoiy: 'Навоийская область',
      reg_qashqadaryo: 'Кашкадарьинская область', reg_samarqand: 'Самаркандская область',
      reg_sirdaryo: 'Сырдарьинская область', reg_surxondaryo: 'Сурхандарьинская область',
      reg_qoraqalpogiston: 'Республика Каракалпакстан',
      org_hududgaztaminot: 'Худудгазтаъминот (газоснабжение)', org_rec: 'Региональные электрические сети',
      org_suvsoz: 'Сувсоз (водоснабжение и канализация)', org_issiqlik: 'Иссиклик манбаи (отопление и горячая вода)',
      org_maxsustrans: 'Махсустранс (вывоз отходов)', org_ekommunal: 'Расчётный центр e-kommunal',
      e6001: 'Обращение не найдено', e6002: 'В текущем статусе обращения это действие невозможно',
      e6003: 'Срок для этого действия истёк', e6004: 'Нет организации, отвечающей за эту услугу',
      e6005: 'Файл слишком большой', e6006: 'Такой тип файла не принимается (фото, PDF или видео)',
      e6007: 'Файл не найден', e6008: 'Слишком много файлов (не больше 10)',
      e6191: 'Обращение перенаправлялось слишком часто: решает администратор', e6193: 'На обращение ещё нет ответа'
    },
    en: {
      sphere_utility_services: 'Utility services',
      cat_gas: 'Natural gas', cat_electricity: 'Electricity', cat_cold_water: 'Cold water and sewerage',
      cat_hot_water: 'Hot water', cat_heating: 'Heating', cat_garbage: 'Garbage removal', cat_billing: 'Bills and payments',
      kind_complaint: 'Complaint', kind_proposal: 'Proposal', kind_application: 'Application (question)',
      st_draft: 'Draft', st_sent: 'Sent', st_accepted: 'Under review', st_forwarded: 'Forwarded',
      st_rejected: 'Rejected', st_answered: 'Answered', st_closed: 'Closed',
      act_save: 'Saved', act_send: 'Sent', act_accept: 'Accepted for review', act_forward: 'Forwarded',
      act_reject: 'Rejected', act_answer: 'Answered', act_extend: 'Deadline extended', act_close: 'Closed',
      by_HOUSEHOLD: 'resident', by_COMPLAINTS_OFFICER: 'organisation officer', by_ADMINISTRATOR: 'administrator',
      by_OPERATOR: 'operator', by_OPEN311: 'external system',
      gr_OBSCENE_INSULTING_OR_THREATENING: 'Obscene, insulting or threatening', gr_MEANINGLESS: 'Meaningless',
      gr_UNINTELLIGIBLE_ABBREVIATIONS: 'Written in unintelligible abbreviations', gr_ADVERTISING: 'Advertising',
      gr_NO_CONCRETE_REQUEST: 'No concrete request or question',
      reg_toshkent_sh: 'Tashkent city', reg_toshkent: 'Tashkent region', reg_andijon: 'Andijan region',
      reg_buxoro: 'Bukhara region', reg_fargona: 'Fergana region', reg_jizzax: 'Jizzakh region',
      reg_xorazm: 'Khorezm region', reg_namangan: 'Namangan region', reg_navoiy: 'Navoi region',
      reg_qashqadaryo: 'Kashkadarya region', reg_samarqand: 'Samarkand region', reg_sirdaryo: 'Syrdarya region',
      reg_surxondaryo: 'Surkhandarya region', reg_qoraqalpogiston: 'Republic of Karakalpakstan',
      org_hududgaztaminot: 'Hududgaztaminot (gas supply)', org_rec: 'Regional electric networks',
      org_suvsoz: 'Suvsoz (water supply and sewerage)', org_issiqlik: 'Issiqlik manbai (heating and hot water)',
      org_maxsustrans: 'Maxsustrans (waste removal)', org_ekommunal: 'E-kommunal billing centre',
      e6001: 'Appeal not found', e6002: 'Not possible in the appeal’s status', e6003: 'The time allowed for this has passed',
      e6004: 'No organisation answers this service', e6005: 'The file is too large',
      e6006: 'This type of file is not accepted (photos, PDF or video)', e6007: 'File not found',
      e6008: 'Too many files (at most 10)', e6191: 'Forwarded too many times: an administrator decides',
      e6193: 'The appeal has no answer yet'
    }
  });

  var organisations = [];

  /** Loads the answering organisations (a public list) once; resolves with [{id, code, name}]. */
  function loadOrganisations() {
    // in English, the names the appeals themselves carry (the public feed names its organisation);
    // the page shows each in its own words, by code
    return fetch('/api/v1/appeals-organisations', { headers: { 'Accept': 'application/json', 'Accept-Language': 'en' } })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        organisations = r.items;
        return organisations;
      });
  }

  /** An organisation in the page's language: by id, or by the server's name (the public feed has no id). */
  function organisation(idOrName) {
    var found = organisations.filter(function (o) { return o.id === idOrName || o.name === idOrName; })[0];
    if (!found) { return idOrName === null || idOrName === undefined ? E.t('none') : String(idOrName); }
    return E.has('org_' + found.code) ? E.t('org_' + found.code) : found.name;
  }

  /** The region's words for a stored value (the Uzbek name is stored, any language's is understood). */
  function region(value) {
    for (var i = 0; i < REGIONS.length; i++) {
      var key = 'reg_' + REGIONS[i];
      if (E.langs.some(function (l) { return words(l, key) === value; })) { return E.t(key); }
    }
    return value || E.t('none');
  }

  function words(l, key) {
    return E.textIn(l, key);
  }

  /** "NO_CONCRETE_REQUEST: the officer's reasons" in the page's language. */
  function rejection(stored) {
    if (!stored) { return E.t('none'); }
    var i = stored.indexOf(':');
    var ground = i > 0 ? stored.slice(0, i) : stored;
    var rest = i > 0 ? stored.slice(i + 1).trim() : '';
    return E.has('gr_' + ground) ? E.t('gr_' + ground) + (rest ? ': ' + rest : '') : stored;
  }

  function options(select, values, prefix, blankKey) {
    var chosen = select.value;
    select.textContent = '';
    if (blankKey) { select.appendChild(E.el('option', { value: '' }, [E.t(blankKey)])); }
    values.forEach(function (v) { select.appendChild(E.el('option', { value: v }, [E.t(prefix + v)])); });
    if (chosen) { select.value = chosen; }
  }

  function statusTag(status) {
    var cls = status === 'answered' || status === 'closed' ? 'tag ok' : status === 'rejected' ? 'tag warn' : 'tag';
    return E.el('span', { 'class': cls, 'data-status': status }, [E.t('st_' + status)]);
  }

  window.EkAppeals = {
    CATEGORIES: CATEGORIES, KINDS: KINDS, STATUSES: STATUSES, GROUNDS: GROUNDS, REGIONS: REGIONS,
    loadOrganisations: loadOrganisations, organisations: function () { return organisations; },
    organisation: organisation, region: region, rejection: rejection, options: options, statusTag: statusTag,
    service: function (code) { return code ? E.t('cat_' + code) : E.t('none'); },
    who: function (by) { var k = 'by_' + String(by || '').split(':')[0]; return E.has(k) ? E.t(k) : E.t('none'); }
  };
}());
