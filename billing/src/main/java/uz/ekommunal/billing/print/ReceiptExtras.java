package uz.ekommunal.billing.print;

import java.time.LocalDate;
import java.util.List;

/**
 * What a receipt shows beside its lines: the readings billed, the due date and a QR code of the
 * account's checkout link (none when payments are not configured).
 *
 * @param dueDate null when not printed
 * @param checkoutLink null when there is no link
 */
public record ReceiptExtras(List<ReceiptReading> readings, LocalDate dueDate, String checkoutLink) {

    public static final ReceiptExtras NONE = new ReceiptExtras(List.of(), null, null);

    public ReceiptExtras {
        readings = List.copyOf(readings);
    }
}
