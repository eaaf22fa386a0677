package uz.ekommunal.app.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import uz.ekommunal.platform.config.ConfigException;

/**
 * One application per data folder: an OS file lock on {@code <data>/ekommunal.lock}, held while the
 * embedded PostgreSQL runs. The OS releases it when the process dies, even by kill -9, so whoever
 * gets it knows that a PostgreSQL still running on the folder is an orphan.
 */
final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("ekommunal.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process: another start on the same folder
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new ConfigException("Another e-kommunal process runs with the data folder " + folder.toAbsolutePath()
                    + " (it holds " + file + "). Stop it, or give this one its own: EKOMMUNAL_DATA_DIR=<folder>");
        }
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
