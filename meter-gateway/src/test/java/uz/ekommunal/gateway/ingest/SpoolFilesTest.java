package uz.ekommunal.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachWriterHasItsOwnFileTheFirstTheConfiguredOne() {
        Path file = dir.resolve("readings.spool");
        assertThat(SpoolFiles.fileOf(file, 0)).isEqualTo(file);
        assertThat(SpoolFiles.fileOf(file, 1)).isEqualTo(dir.resolve("readings.spool.1"));
        assertThat(SpoolFiles.fileOf(file, 11)).isEqualTo(dir.resolve("readings.spool.11"));
    }

    @Test
    void aStartWithFewerWritersThanASpoolFileStillHoldingReadingsIsRefused() throws Exception {
        Path file = dir.resolve("readings.spool");
        Files.write(dir.resolve("readings.spool.3"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SpoolFiles.refuseOrphans(file, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readings.spool.3 (3 bytes)")
                .hasMessageContaining("EKOMMUNAL_INGEST_WRITERS");
        assertThatThrownBy(() -> SpoolFiles.refuseOrphans(file, 3)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> SpoolFiles.refuseOrphans(file, 4)).doesNotThrowAnyException();
    }

    @Test
    void emptySpoolFilesAndOtherFilesDoNotStopAStart() throws Exception {
        Path file = dir.resolve("readings.spool");
        Files.write(file, new byte[] {9});
        Files.createFile(dir.resolve("readings.spool.5"));
        Files.write(dir.resolve("readings.spool.bak"), new byte[] {1});
        Files.write(dir.resolve("other.spool.7"), new byte[] {1});
        assertThatCode(() -> SpoolFiles.refuseOrphans(file, 1)).doesNotThrowAnyException();
        assertThatCode(() -> SpoolFiles.refuseOrphans(dir.resolve("missing/readings.spool"), 1))
                .doesNotThrowAnyException();
    }
}
