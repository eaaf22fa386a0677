package uz.ekommunal.billing.payregistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Reads a registry file line by line: the header, the data rows (each checked by the {@link RowParser}
 * and handed on when good), and the control-total line, counting rows and summing amounts as it goes.
 * Decides whether the file as a whole stands; writes nothing itself.
 */
final class FileReading {

    /** Where the good rows go (the staging COPY). */
    interface Sink {
        void accept(RegistryRow row) throws java.sql.SQLException;
    }

    private static final Pattern ROWS = Pattern.compile("\\d{1,12}");
    private static final Pattern SUM = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");

    final List<RowProblem> problems = new ArrayList<>();
    long rows;
    BigDecimal sum = BigDecimal.ZERO;
    long controlRows = -1;
    BigDecimal controlSum;
    /** The whole file's fault, or null when it stands. */
    RowProblem refusal;
    private final MessageDigest sha256;
    /** The first line of each bank and transaction id, to refuse a repeat within the file as it is read. */
    private final java.util.HashMap<String, Long> firstLines = new java.util.HashMap<>();

    FileReading() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads to the end; {@link #refusal} says whether the file stands. */
    void read(BufferedReader reader, RowParser parser, Sink sink, LongConsumer progress)
            throws IOException, java.sql.SQLException {
        long lineNo = 0;
        boolean header = false;
        long totalLine = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                header = true;
                if (!line.replace(" ", "").equalsIgnoreCase(RegistryColumns.HEADER)) {
                    refuse(RowProblem.of(lineNo, null, RowFault.BAD_HEADER, RegistryColumns.HEADER));
                    return;
                }
                continue;
            }
            if (totalLine > 0) {
                refuse(RowProblem.of(lineNo, null, RowFault.LINES_AFTER_TOTAL, totalLine));
                continue;
            }
            List<String> fields = RowParser.split(lineNo, line, problems);
            if (fields != null && !fields.isEmpty() && fields.get(0).equals(RegistryColumns.TOTAL)) {
                totalLine = lineNo;
                total(lineNo, fields);
                continue;
            }
            rows++;
            if (fields != null) {
                dataRow(lineNo, fields, parser, sink);
            }
            if (rows % 10_000 == 0) {
                progress.accept(rows);
            }
        }
        progress.accept(rows);
        checkEnd(header, lineNo, totalLine);
    }

    /** A data row: counted into the sum, refused as a repeat of an earlier line's transaction, or handed on. */
    private void dataRow(long lineNo, List<String> fields, RowParser parser, Sink sink) throws java.sql.SQLException {
        RowParser.Parsed parsed = parser.parse(lineNo, fields, problems);
        if (parsed.amount() != null) {
            sum = sum.add(parsed.amount());
        }
        RegistryRow row = parsed.row();
        if (row == null) {
            return;
        }
        Long first = firstLines.putIfAbsent(row.bank() + ':' + row.transactionId(), lineNo);
        if (first == null) {
            sink.accept(row);
        } else {
            problems.add(RowProblem.of(lineNo, "transaction_id", RowFault.DUPLICATE_TRANSACTION,
                    row.bank(), row.transactionId(), first));
        }
    }

    /** The whole file's checks once every line is read: a header, a total line, and the total matching. */
    private void checkEnd(boolean header, long lineNo, long totalLine) {
        if (!header) {
            refuse(RowProblem.of(Math.max(lineNo, 1), null, RowFault.BAD_HEADER, RegistryColumns.HEADER));
        } else if (totalLine == 0) {
            refuse(RowProblem.of(lineNo, null, RowFault.MISSING_TOTAL));
        } else if (refusal == null && (controlRows != rows || controlSum.compareTo(sum) != 0)) {
            refuse(RowProblem.of(totalLine, null, RowFault.CONTROL_TOTAL_MISMATCH, controlRows,
                    controlSum.toPlainString(), rows, sum.toPlainString()));
        }
    }

    private void total(long lineNo, List<String> fields) {
        if (fields.size() != 3 || !ROWS.matcher(fields.get(1)).matches() || !SUM.matcher(fields.get(2)).matches()) {
            refuse(RowProblem.of(lineNo, null, RowFault.BAD_TOTAL));
            return;
        }
        controlRows = Long.parseLong(fields.get(1));
        controlSum = new BigDecimal(fields.get(2));
    }

    private void refuse(RowProblem problem) {
        if (refusal == null) {
            refusal = problem;
        }
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
