/**
 * The tariff engine: money, the tariff book and its model. Pure Java, nothing but the JDK.
 *
 * <ul>
 *   <li><b>Money</b>: {@link uz.ekommunal.tariff.Money}, so'm to the tiyin; full precision inside a
 *       calculation, rounded once per bill line, HALF_UP; totals are sums of rounded lines.</li>
 *   <li><b>The book is data</b>: {@link uz.ekommunal.tariff.TariffBook} holds
 *       {@link uz.ekommunal.tariff.TariffVersion}s; the default book is the resource
 *       {@code default-tariff-book.csv} in {@link uz.ekommunal.tariff.TariffBookCsv} format.</li>
 *   <li><b>Pricing</b>: {@code uz.ekommunal.tariff.pricing.PricingEngine} (billing's entry point);
 *       days are pro-rated by {@code BillingPeriod}'s month-fraction rule, consumption across a
 *       tariff change by {@code ConsumptionSplitter}'s rule.</li>
 *   <li><b>Public features</b>: {@code uz.ekommunal.tariff.calculator.Calculator} and
 *       {@code TariffInformer}.</li>
 *   <li><b>Errors</b>: one {@link uz.ekommunal.tariff.TariffException} with an
 *       {@link uz.ekommunal.tariff.ErrorCode} and the field at fault.</li>
 * </ul>
 */
package uz.ekommunal.tariff;
