/**
 * Receipts (the invoice of one period) and payment slips as PDF.
 *
 * <p>Pure functions from this package's own records to PDF bytes: {@link
 * uz.ekommunal.billing.print.ReceiptPdf#render} and {@link
 * uz.ekommunal.billing.print.PaymentSlipPdf#render}. The billing core maps its
 * invoices onto {@link uz.ekommunal.billing.print.ReceiptDocument}; nothing here
 * reads a database or a clock.
 *
 * <p>Every label is printed in Uzbek (Latin) and Russian; the {@link
 * uz.ekommunal.billing.print.Language} only decides which one comes first.
 * Amounts follow {@link uz.ekommunal.billing.print.AmountFormat}.
 *
 * <p>Font: Liberation Sans (SIL Open Font License 1.1), read from the
 * {@code com.github.librepdf:openpdf-fonts-extra} jar on the class path and
 * embedded (subset) in every document, so the output never depends on the fonts
 * installed on the machine.
 */
package uz.ekommunal.billing.print;
