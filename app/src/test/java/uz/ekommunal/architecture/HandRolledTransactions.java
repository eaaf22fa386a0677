package uz.ekommunal.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Transactions are opened through {@code uz.ekommunal.storage.Transactions}: finds main sources
 * that turn auto-commit off by hand, outside an allow-list of the places that must (each says why
 * beside its call).
 */
final class HandRolledTransactions {

    /** Paths from the repository root: a file, or a folder ending in "/". */
    static final List<String> ALLOWED = List.of(
            // the helper itself
            "platform/src/main/java/uz/ekommunal/storage/Transactions.java",
            // session settings before the transaction, COPY staging cancelled on failure
            "billing/src/main/java/uz/ekommunal/billing/registry/RegistryImport.java",
            "billing/src/main/java/uz/ekommunal/billing/payregistry/PaymentRegistryImport.java",
            // the bill run's shards and batches (tuned apart; not yet reviewed against Transactions)
            "billing/src/main/java/uz/ekommunal/billing/run/");

    private static final Pattern AUTO_COMMIT_OFF = Pattern.compile("\\.setAutoCommit\\(\\s*false\\s*\\)");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");

    private HandRolledTransactions() {
    }

    /** Every main .java file under the modules of {@code root} that turns auto-commit off and is not allowed. */
    static List<String> violations(Path root, List<String> allowed) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted()
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        String path = root.relativize(file).toString().replace('\\', '/');
                        if (allowed.stream().noneMatch(path::startsWith) && turnsAutoCommitOff(file)) {
                            found.add(path);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean turnsAutoCommitOff(Path file) throws IOException {
        return AUTO_COMMIT_OFF.matcher(LINE_COMMENT.matcher(Files.readString(file)).replaceAll("")).find();
    }
}
