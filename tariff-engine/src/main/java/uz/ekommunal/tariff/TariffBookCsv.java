package uz.ekommunal.tariff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tariff book's text form: one {@link TariffVersion} per line, comma-separated, UTF-8.
 *
 * <pre>
 * id,utility,basis,meter,regions,class,valid_from,valid_to,blocks,season,unmetered_coefficient,state_pays_above_norm
 * ELECTRICITY-2024-05-01,ELECTRICITY,PER_UNIT,ANY,ALL,STANDARD,2024-05-01,2025-05-01,200:450|1000:900|*:1800,,,150
 * </pre>
 *
 * <ul>
 *   <li>Lines starting with {@code #}, blank lines and the header line are skipped. Values never
 *       contain commas, so there is no quoting.</li>
 *   <li>{@code basis}: a {@link ChargeBasis}; {@code meter}: a {@link MeterCondition};
 *       {@code class}: a {@link HouseholdClass}.</li>
 *   <li>{@code regions}: {@code ALL} or region names joined by {@code |}.</li>
 *   <li>{@code valid_from}, {@code valid_to}: ISO dates; the interval is [from, to); an empty
 *       {@code valid_to} means open-ended.</li>
 *   <li>{@code blocks}: {@code upTo:price} joined by {@code |}; the last block's bound is
 *       {@code *} (none), a seasonal tariff's first bound is {@code norm}. A flat price is one
 *       block: {@code *:8400}.</li>
 *   <li>{@code season}: empty, or {@link SeasonalNorm#format()}: {@code 11-01..03-01:500/100}.</li>
 *   <li>{@code unmetered_coefficient}: empty for 1; {@code state_pays_above_norm}: empty for none.</li>
 * </ul>
 */
public final class TariffBookCsv {

    public static final String HEADER = "id,utility,basis,meter,regions,class,valid_from,valid_to,"
            + "blocks,season,unmetered_coefficient,state_pays_above_norm";
    private static final int COLUMNS = 12;

    private TariffBookCsv() {
    }

    /**
     * @throws TariffException {@link ErrorCode#BOOK_FORMAT} naming the line at fault, or
     *     {@link ErrorCode#BOOK_INVALID_TARIFF} for a well-formed but inconsistent row
     */
    public static List<TariffVersion> parse(Reader csv) {
        List<TariffVersion> versions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals(HEADER)) {
                    continue;
                }
                versions.add(parseRow(trimmed, "line " + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** Parses one row; {@code where} names it in errors (e.g. {@code "line 12"}). */
    public static TariffVersion parseRow(String row, String where) {
        String[] cells = row.split(",", -1);
        if (cells.length != COLUMNS) {
            throw TariffException.because(ErrorCode.BOOK_FORMAT, where, "columns",
                    "expected " + COLUMNS + " columns, found " + cells.length, COLUMNS, cells.length);
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        try {
            SeasonalNorm season = cells[9].isEmpty() ? null : SeasonalNorm.parse(cells[9]);
            return new TariffVersion(cells[0],
                    Utility.parse(cells[1], where + " utility"),
                    ChargeBasis.valueOf(cells[2]),
                    MeterCondition.valueOf(cells[3]),
                    parseRegions(cells[4], where),
                    HouseholdClass.parse(cells[5], where + " class"),
                    LocalDate.parse(cells[6]),
                    cells[7].isEmpty() ? null : LocalDate.parse(cells[7]),
                    parseBlocks(cells[8]),
                    season,
                    cells[10].isEmpty() ? null : new BigDecimal(cells[10]),
                    cells[11].isEmpty() ? null : new BigDecimal(cells[11]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw TariffException.because(ErrorCode.BOOK_FORMAT, where, "unreadable", e.getMessage());
        } catch (TariffException e) {
            throw e.at(e.code() == ErrorCode.BOOK_INVALID_TARIFF ? ErrorCode.BOOK_INVALID_TARIFF : ErrorCode.BOOK_FORMAT,
                    where);
        }
    }

    /** Writes one version as a row (no line end), the inverse of {@link #parseRow}. */
    public static String formatRow(TariffVersion v) {
        return String.join(",", v.id(), v.utility().name(), v.basis().name(), v.meter().name(),
                formatRegions(v.regions()), v.householdClass().name(), v.validFrom().toString(),
                v.validTo() == null ? "" : v.validTo().toString(), formatBlocks(v.blocks()),
                v.season() == null ? "" : v.season().format(),
                v.unmeteredCoefficient().compareTo(BigDecimal.ONE) == 0 ? "" : v.unmeteredCoefficient().toPlainString(),
                v.statePaysAboveNorm() == null ? "" : v.statePaysAboveNorm().toPlainString());
    }

    /** The whole book as text: the header, then one row per version. */
    public static String format(List<TariffVersion> versions) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        versions.forEach(v -> out.append(formatRow(v)).append('\n'));
        return out.toString();
    }

    /** Parses {@code 200:450|1000:900|*:1800} (see the class comment). */
    public static List<Block> parseBlocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String part : text.split("\\|")) {
            String[] boundAndPrice = part.split(":");
            if (boundAndPrice.length != 2) {
                throw new IllegalArgumentException("block must look like upTo:price, got " + part);
            }
            String bound = boundAndPrice[0].strip();
            BigDecimal price = new BigDecimal(boundAndPrice[1].strip());
            blocks.add(new Block(bound.equals("*") || bound.equals("norm") ? null : new BigDecimal(bound), price));
        }
        return blocks;
    }

    public static String formatBlocks(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String bound = block.upTo() != null ? block.upTo().toPlainString() : i == 0 && blocks.size() > 1 ? "norm" : "*";
            out.append(i == 0 ? "" : "|").append(bound).append(':').append(block.price().toPlainString());
        }
        return out.toString();
    }

    private static Set<Region> parseRegions(String text, String where) {
        if (text.equals("ALL")) {
            return Set.of();
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (String name : text.split("\\|")) {
            regions.add(Region.parse(name, where + " regions"));
        }
        return regions;
    }

    private static String formatRegions(Set<Region> regions) {
        if (regions.isEmpty()) {
            return "ALL";
        }
        return EnumSet.copyOf(regions).stream().map(Enum::name).collect(Collectors.joining("|"));
    }
}
