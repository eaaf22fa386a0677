package uz.ekommunal.tariff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/** A tariff book held in memory, checked by {@link BookValidator} when built. */
public final class InMemoryTariffBook implements TariffBook {

    /** Classpath location of the default book shipped with the engine. */
    public static final String DEFAULT_RESOURCE = "/uz/ekommunal/tariff/default-tariff-book.csv";

    private final List<TariffVersion> versions;

    /**
     * @throws TariffException {@link ErrorCode#BOOK_CONFLICT} if the versions are inconsistent
     */
    public InMemoryTariffBook(Collection<TariffVersion> versions) {
        BookValidator.validate(versions);
        this.versions = List.copyOf(versions);
    }

    /** The default tariff book: the tariffs in force plus the 2016 figures as history. */
    public static InMemoryTariffBook loadDefault() {
        try (InputStream in = InMemoryTariffBook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a book in the {@link TariffBookCsv} format. */
    public static InMemoryTariffBook load(Reader csv) {
        return new InMemoryTariffBook(TariffBookCsv.parse(csv));
    }

    @Override
    public List<TariffVersion> versions() {
        return versions;
    }
}
