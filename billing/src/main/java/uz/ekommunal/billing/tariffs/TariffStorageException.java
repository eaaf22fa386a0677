package uz.ekommunal.billing.tariffs;

/** The tariff book's database could not be read or written (not a problem with the book's content). */
public final class TariffStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TariffStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
