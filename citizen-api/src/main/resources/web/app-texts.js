/* Every string the households' page shows: Uzbek (Latin), Russian, English. household.js adds its own. */
window.EkTexts = {
  uz: {
    appealsLink: 'Murojaatlar: shikoyat, taklif, savol', questionsLink: 'Savol va javoblar', officerDeskLink: 'Murojaatlar navbati (xodimlar uchun)', moneyTitle: 'Kassa va hisobotlar', deskCashier: 'Kassa: toʻlov qabul qilish, kvitansiya, bekor qilish', deskReports: 'Hisobotlar: tushum, qarzlar, isteʼmol', readingPhoto: 'Hisoblagich surati (ixtiyoriy)', photoSaved: 'surat qo‘shildi', photoFailed: 'surat qo‘shilmadi',
    u_natural_gas: 'Tabiiy gaz', u_hot_water: 'Issiq suv', u_heating: 'Isitish', u_sewerage: 'Oqova suv',
    deskTitle: 'Operator ish joyi', deskMeters: 'Hisoblagichlar: ro‘yxatga olish, bog‘lash, almashtirish', deskTariffs: 'Tarif versiyalari', deskAccounts: 'Shaxsiy hisoblar: ochish, egasi, oila ma’lumotlari, yopish',
    signinTitle: 'Telefon raqami bilan kirish', phone: 'Mobil telefon raqami', sendCode: 'Kod yuborish',
    code: 'SMS orqali kelgan kod', signIn: 'Kirish', changePhone: 'Boshqa raqam', codeSent: 'Kod yuborildi: ',
    oneId: 'OneID orqali kirish',
    myWidgets: 'Mening vidjetlarim', signOut: 'Chiqish', noCards: 'Hali shaxsiy hisob raqami bog‘lanmagan.',
    linkTitle: 'Shaxsiy hisob raqamini bog‘lash', utility: 'Xizmat', accountNumber: 'Shaxsiy hisob raqami',
    linkCode: 'Ulash kodi',
    linkCodeHint: 'Ulash kodi har bir hisob-kvitansiya va to‘lov varaqasining pastida bosilgan (8 belgi, masalan K7QM-2XPA). Kvitansiya yo‘qolgan bo‘lsa, xizmat ko‘rsatuvchining idorasi kodni aytib beradi yoki yangisini beradi.',
    link: 'Bog‘lash', calculator: 'Qancha to‘layman? (kalkulyator)', tariffs: 'Tariflar',
    balance: 'Balans', asOf: 'holatiga', prepayment: 'oldindan to‘lov', debt: 'qarzdorlik', settled: 'qarz yo‘q',
    submitReading: 'Ko‘rsatkichni yuborish', readingValue: 'Hisoblagichdagi raqam', readingSaved: 'Ko‘rsatkich qabul qilindi', readingHeld: 'Ko‘rsatkich qabul qilindi, operator tekshiradi',
    lastPayment: 'Oxirgi to‘lov', none: '—', meter: 'Hisoblagich', lastReading: 'Oxirgi ko‘rsatkich',
    tariff: 'Oxirgi tarif', household: 'Yashovchilar / isitiladigan maydon', requisites: 'Yetkazib beruvchi rekvizitlari',
    director: 'Rahbar', tel: 'Telefon', address: 'Manzil', inn: 'STIR (INN)', mfo: 'MFO', okonh: 'OKONX',
    account: 'Hisob-kitob raqami', pay: 'To‘lash', consumption: 'Iste’mol, oxirgi 30 kun', estimated: 'taxminiy',
    noData: 'Ko‘rsatkichlar yo‘q', receipts: 'Kvitansiyalar', noInvoices: 'Hisob-fakturalar hali yo‘q',
    receipt: 'Kvitansiya (PDF)', slip: 'To‘lov varaqasi (PDF)', unavailable: 'Ma’lumot vaqtincha mavjud emas', loading: 'Yuklanmoqda…',
    failed: 'Xatolik. Qayta urinib ko‘ring.', holder: 'Egasi',
    u_electricity: 'Elektr energiyasi', u_gas: 'Tabiiy gaz', u_cold_water: 'Sovuq suv',
    u_hot_water_heating: 'Issiq suv va isitish', u_garbage: 'Chiqindi', u_single_billing: 'Yagona hisob',
    soum: 'so‘m', m_electricity: 'Elektr hisoblagichi', m_gas: 'Gaz hisoblagichi', m_cold_water: 'Sovuq suv hisoblagichi', m_hot_water: 'Issiq suv hisoblagichi', m_heat: 'Issiqlik hisoblagichi'
  },
  ru: {
    appealsLink: 'Обращения: жалоба, предложение, вопрос', questionsLink: 'Вопросы и ответы', officerDeskLink: 'Очередь обращений (для сотрудников)', moneyTitle: 'Касса и отчёты', deskCashier: 'Касса: приём платежей, квитанции, отмена', deskReports: 'Отчёты: поступления, долги, потребление', readingPhoto: 'Фото счётчика (необязательно)', photoSaved: 'фото приложено', photoFailed: 'фото не приложено',
    u_natural_gas: 'Природный газ', u_hot_water: 'Горячая вода', u_heating: 'Отопление', u_sewerage: 'Водоотведение',
    deskTitle: 'Рабочее место оператора', deskMeters: 'Счётчики: регистрация, привязка, замена', deskTariffs: 'Версии тарифов', deskAccounts: 'Лицевые счета: открытие, владелец, сведения о семье, закрытие',
    signinTitle: 'Вход по номеру телефона', phone: 'Номер мобильного телефона', sendCode: 'Получить код',
    code: 'Код из SMS', signIn: 'Войти', changePhone: 'Другой номер', codeSent: 'Код отправлен на ',
    oneId: 'Войти через OneID',
    myWidgets: 'Мои виджеты', signOut: 'Выйти', noCards: 'Лицевые счета ещё не привязаны.',
    linkTitle: 'Привязать лицевой счёт', utility: 'Услуга', accountNumber: 'Номер лицевого счёта',
    linkCode: 'Код привязки',
    linkCodeHint: 'Код привязки напечатан внизу каждой квитанции и платёжного извещения (8 знаков, например K7QM-2XPA). Если квитанции нет, его назовёт или выдаст заново офис поставщика.',
    link: 'Привязать', calculator: 'Сколько я заплачу? (калькулятор)', tariffs: 'Тарифы',
    balance: 'Баланс', asOf: 'на', prepayment: 'переплата', debt: 'задолженность', settled: 'долга нет',
    submitReading: 'Передать показание', readingValue: 'Число на счётчике', readingSaved: 'Показание принято', readingHeld: 'Показание принято, его проверит оператор',
    lastPayment: 'Последний платёж', none: '—', meter: 'Счётчик', lastReading: 'Последнее показание',
    tariff: 'Последний тариф', household: 'Жильцов / отапливаемая площадь', requisites: 'Реквизиты поставщика',
    director: 'Руководитель', tel: 'Телефон', address: 'Адрес', inn: 'ИНН', mfo: 'МФО', okonh: 'ОКОНХ',
    account: 'Расчётный счёт', pay: 'Оплатить', consumption: 'Потребление за 30 дней', estimated: 'оценка',
    noData: 'Показаний нет', receipts: 'Квитанции', noInvoices: 'Счетов пока нет',
    receipt: 'Квитанция (PDF)', slip: 'Платёжное извещение (PDF)', unavailable: 'Данные временно недоступны', loading: 'Загрузка…',
    failed: 'Ошибка. Попробуйте ещё раз.', holder: 'Владелец',
    u_electricity: 'Электроэнергия', u_gas: 'Природный газ', u_cold_water: 'Холодная вода',
    u_hot_water_heating: 'Горячая вода и отопление', u_garbage: 'Вывоз мусора', u_single_billing: 'Единый счёт',
    soum: 'сум', m_electricity: 'Электросчётчик', m_gas: 'Газовый счётчик', m_cold_water: 'Счётчик холодной воды', m_hot_water: 'Счётчик горячей воды', m_heat: 'Теплосчётчик'
  },
  en: {
    appealsLink: 'Appeals: complaint, proposal, question', questionsLink: 'Questions and answers', officerDeskLink: 'Appeals queue (for officers)', moneyTitle: 'Cashier desk and reports', deskCashier: 'Cashier desk: take payments, receipts, cancel', deskReports: 'Reports: collections, debts, consumption', readingPhoto: 'Photo of the meter (optional)', photoSaved: 'photo attached', photoFailed: 'photo not attached',
    u_natural_gas: 'Natural gas', u_hot_water: 'Hot water', u_heating: 'Heating', u_sewerage: 'Sewerage',
    deskTitle: 'Operator desk', deskMeters: 'Meters: register, link, replace', deskTariffs: 'Tariff versions', deskAccounts: 'Personal accounts: open, holder, household facts, close',
    signinTitle: 'Sign in with your phone', phone: 'Mobile phone number', sendCode: 'Send code',
    code: 'Code from the SMS', signIn: 'Sign in', changePhone: 'Another number', codeSent: 'Code sent to ',
    oneId: 'Sign in with OneID',
    myWidgets: 'My widgets', signOut: 'Sign out', noCards: 'No personal accounts linked yet.',
    linkTitle: 'Link a personal account', utility: 'Utility', accountNumber: 'Personal account number',
    linkCode: 'Link code',
    linkCodeHint: 'The link code is printed at the bottom of every receipt and payment slip (8 characters, e.g. K7QM-2XPA). Lost the receipt? The provider’s office tells it again or issues a new one.',
    link: 'Link', calculator: 'How much will I pay? (calculator)', tariffs: 'Tariffs',
    balance: 'Balance', asOf: 'as of', prepayment: 'prepaid', debt: 'debt', settled: 'settled',
    submitReading: 'Send reading', readingValue: 'The number on the meter', readingSaved: 'Reading received', readingHeld: 'Reading received; an operator will check it',
    lastPayment: 'Last payment', none: '—', meter: 'Meter', lastReading: 'Last reading',
    tariff: 'Last tariff', household: 'Residents / heated area', requisites: 'Provider requisites',
    director: 'Director', tel: 'Phone', address: 'Address', inn: 'Tax id (INN)', mfo: 'Bank code (MFO)', okonh: 'OKONH',
    account: 'Settlement account', pay: 'Pay', consumption: 'Consumption, last 30 days', estimated: 'estimated',
    noData: 'No readings', receipts: 'Receipts', noInvoices: 'No invoices yet',
    receipt: 'Receipt (PDF)', slip: 'Payment slip (PDF)', unavailable: 'Temporarily unavailable', loading: 'Loading…',
    failed: 'Something went wrong. Please try again.', holder: 'Holder',
    u_electricity: 'Electricity', u_gas: 'Natural gas', u_cold_water: 'Cold water',
    u_hot_water_heating: 'Hot water and heating', u_garbage: 'Garbage', u_single_billing: 'Single bill',
    soum: 'so‘m', m_electricity: 'Electricity meter', m_gas: 'Gas meter', m_cold_water: 'Cold water meter', m_hot_water: 'Hot water meter', m_heat: 'Heat meter'
  }
};
/* Issue 16 items 3-5: the households' notices page and the operators' verification and leaks page. */
(function (T) {
  T.uz.noticesLink = 'Xabarnomalar: qiyoslash muddatlari, sizib chiqish, SMS'; T.uz.deskMeterAlerts = 'Qiyoslash muddatlari va sizib chiqish';
  T.ru.noticesLink = 'Уведомления: сроки поверки, утечки, SMS'; T.ru.deskMeterAlerts = 'Сроки поверки и утечки';
  T.en.noticesLink = 'Notices: verification dates, leaks, SMS'; T.en.deskMeterAlerts = 'Verification dates and leaks';
}(window.EkTexts));
