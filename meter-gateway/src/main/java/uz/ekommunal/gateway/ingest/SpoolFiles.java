package uz.ekommunal.gateway.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uz.ekommunal.gateway.spool.Spool;

/**
 * The writers' spool files: the first writer's is the configured file, the others' are beside it,
 * numbered ({@code readings.spool}, {@code readings.spool.1}, ...). Each writer replays only its
 * own file, so a start with fewer writers than the last one would leave readings in a file nobody
 * reads: such a start is refused, naming the file, until it runs with enough writers to empty it.
 */
final class SpoolFiles {

    private SpoolFiles() {
    }

    /** The spool of writer {@code writer}, or null without a spool. */
    static Spool open(Path file, int writer) throws IOException {
        if (file == null) {
            return null;
        }
        return new Spool(fileOf(file, writer));
    }

    static Path fileOf(Path file, int writer) {
        return writer == 0 ? file : file.resolveSibling(file.getFileName() + "." + writer);
    }

    /**
     * @throws IllegalStateException if a spool file of a writer numbered {@code writers} or above
     *     holds readings
     */
    static void refuseOrphans(Path file, int writers) throws IOException {
        if (file == null || file.toAbsolutePath().getParent() == null
                || !Files.isDirectory(file.toAbsolutePath().getParent())) {
            return;
        }
        Pattern numbered = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "\\.([0-9]{1,4})");
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(file.toAbsolutePath().getParent())) {
            for (Path sibling : (Iterable<Path>) siblings::iterator) {
                Matcher m = numbered.matcher(sibling.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) >= writers && Files.size(sibling) > 0) {
                    orphans.add(sibling + " (" + Files.size(sibling) + " bytes)");
                }
            }
        }
        if (!orphans.isEmpty()) {
            throw new IllegalStateException("Spool files of writers beyond the " + writers
                    + " configured still hold readings: " + String.join(", ", orphans.stream().sorted().toList())
                    + ". Start with at least as many writers as before (EKOMMUNAL_INGEST_WRITERS) until they are"
                    + " written to the database and empty.");
        }
    }
}
