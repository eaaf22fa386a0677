package uz.ekommunal.billing.payregistry;

import static uz.ekommunal.billing.payregistry.RegistryColumns.COLUMNS;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.registry.CsvLine;

/** Checks one registry line on its own (no database): every fault found is reported, not only the first. */
final class RowParser {

    /** A checked line: the row (null when refused) and its amount as a number for the control sum (null if none). */
    record Parsed(RegistryRow row, BigDecimal amount) {
    }

    /** So'm with at most two decimals (tiyin), under 10^10 so'm: a million of them still sum within a long. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    /** Any decimal number: what the bank summed into its control total, valid or not. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");
    private static final Pattern BANK = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern TRANSACTION = Pattern.compile("[\\p{Graph}&&[^,;\"]]{1,64}");
    private static final int MAX_TEXT = 100;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Map<String, Provider> providers;
    private final Long scope;
    private final Instant latest;

    /**
     * @param scope the only provider whose rows are taken (an operator's import), or null for any
     * @param latest the latest payment time accepted
     */
    RowParser(Map<String, Provider> providersByCode, Long scope, Instant latest) {
        this.providers = providersByCode;
        this.scope = scope;
        this.latest = latest;
    }

    Parsed parse(long line, List<String> f, List<RowProblem> problems) {
        int before = problems.size();
        BigDecimal number = f.size() == COLUMNS.size() && NUMBER.matcher(f.get(RegistryColumns.AMOUNT)).matches()
                ? new BigDecimal(f.get(RegistryColumns.AMOUNT)) : null;
        if (f.size() != COLUMNS.size()) {
            problems.add(RowProblem.of(line, null, RowFault.WRONG_FIELD_COUNT, f.size(), COLUMNS.size()));
            return new Parsed(null, null);
        }
        String bank = code(line, f, RegistryColumns.BANK, BANK, problems);
        String branch = text(line, f, RegistryColumns.BRANCH, problems);
        Instant paidAt = paidAt(line, f, problems);
        Provider provider = provider(line, f, problems);
        String account = required(line, f, RegistryColumns.NUMBER, problems);
        if (provider != null && account != null && !provider.acceptsNumber(account)) {
            fault(line, RegistryColumns.NUMBER, RowFault.BAD_ACCOUNT_NUMBER, problems, account, provider.code());
        }
        long tiyin = amount(line, f, problems);
        String transaction = code(line, f, RegistryColumns.TRANSACTION, TRANSACTION, problems);
        if (problems.size() > before) {
            return new Parsed(null, number);
        }
        return new Parsed(new RegistryRow(line, bank, branch, paidAt, account, provider.id(), tiyin, transaction), number);
    }

    private Provider provider(long line, List<String> f, List<RowProblem> problems) {
        String code = required(line, f, RegistryColumns.PROVIDER, problems);
        if (code == null) {
            return null;
        }
        Provider provider = providers.get(code);
        if (provider == null) {
            fault(line, RegistryColumns.PROVIDER, RowFault.UNKNOWN_PROVIDER, problems, code);
            return null;
        }
        if (scope != null && provider.id() != scope) {
            fault(line, RegistryColumns.PROVIDER, RowFault.OTHER_PROVIDER, problems, code);
            return null;
        }
        return provider;
    }

    private Instant paidAt(long line, List<String> f, List<RowProblem> problems) {
        String value = required(line, f, RegistryColumns.PAID_AT, problems);
        if (value == null) {
            return null;
        }
        String iso = value.replace(' ', 'T');
        Instant at;
        try {
            at = hasOffset(iso) ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).atZone(BillingTime.ZONE).toInstant();
        } catch (DateTimeException e) {
            fault(line, RegistryColumns.PAID_AT, RowFault.BAD_DATE_TIME, problems, value);
            return null;
        }
        if (at.isBefore(EARLIEST) || at.isAfter(latest)) {
            fault(line, RegistryColumns.PAID_AT, RowFault.BAD_DATE_TIME, problems, value);
            return null;
        }
        return at;
    }

    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        return iso.endsWith("Z") || (t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0));
    }

    private long amount(long line, List<String> f, List<RowProblem> problems) {
        String value = required(line, f, RegistryColumns.AMOUNT, problems);
        if (value == null) {
            return 0;
        }
        if (!AMOUNT.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
            fault(line, RegistryColumns.AMOUNT, RowFault.BAD_AMOUNT, problems, value);
            return 0;
        }
        return new BigDecimal(value).movePointRight(2).longValueExact();
    }

    private String code(long line, List<String> f, int column, Pattern pattern, List<RowProblem> problems) {
        String value = required(line, f, column, problems);
        if (value != null && !pattern.matcher(value).matches()) {
            fault(line, column, RowFault.BAD_CODE, problems, value.length() > 64 ? value.substring(0, 64) + "..." : value);
            return null;
        }
        return value;
    }

    private String text(long line, List<String> f, int column, List<RowProblem> problems) {
        String value = required(line, f, column, problems);
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
            fault(line, column, RowFault.TOO_LONG, problems, MAX_TEXT);
            return null;
        }
        return value;
    }

    private static String required(long line, List<String> f, int column, List<RowProblem> problems) {
        String value = f.get(column);
        if (value.isEmpty()) {
            fault(line, column, RowFault.MISSING_VALUE, problems, COLUMNS.get(column));
            return null;
        }
        return value;
    }

    private static void fault(long line, int column, RowFault fault, List<RowProblem> problems, Object... args) {
        problems.add(RowProblem.of(line, COLUMNS.get(column), fault, args));
    }

    /** Splits a line; null (and a problem) when its quoting is broken. */
    static List<String> split(long line, String text, List<RowProblem> problems) {
        try {
            return CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            problems.add(RowProblem.of(line, null, RowFault.BROKEN_QUOTING, e.getMessage()));
            return null;
        }
    }
}
