package uz.ekommunal.billing.payregistry;

import java.util.List;

/**
 * The columns of a bank's or post office's payment registry, in this order, after a header line
 * naming them, and the control-total line that ends the file ({@code TOTAL,rows,sum}). UTF-8; blank
 * lines and lines starting with '#' are skipped; one record per line. docs/payment-registries.md
 * describes each column.
 */
public final class RegistryColumns {

    public static final List<String> COLUMNS = List.of("bank", "branch", "paid_at", "account_number", "provider",
            "amount", "transaction_id");

    public static final String HEADER = String.join(",", COLUMNS);

    /** The first field of the control-total line. */
    public static final String TOTAL = "TOTAL";

    static final int BANK = 0;
    static final int BRANCH = 1;
    static final int PAID_AT = 2;
    static final int NUMBER = 3;
    static final int PROVIDER = 4;
    static final int AMOUNT = 5;
    static final int TRANSACTION = 6;

    private RegistryColumns() {
    }
}
