package uz.ekommunal.billing.payregistry;

import java.time.Instant;

/** A registry row that passed every check of its own, ready for the staging table. */
record RegistryRow(long line, String bank, String branch, Instant paidAt, String accountNumber, long providerId,
        long amountTiyin, String transactionId) {
}
