package io.github.coupapoexport.runlock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The run lock of an H2 file job repository: an OS file lock beside the database, freed when the process dies. */
class FileRunLock implements RunLock {

    private static final Logger log = LoggerFactory.getLogger(FileRunLock.class);

    private final Path file;

    private FileChannel channel;

    private FileLock lock;

    /** The identity (inode) of the file locked: a second run that finds it deleted would lock a new one. */
    private Object lockedFile;

    FileRunLock(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized boolean tryAcquire() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            lockedFile = identity();
            // Who holds it, for the message a second run prints.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "@" + hostName()).getBytes(StandardCharsets.UTF_8)));
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot lock " + file, ex);
        }
    }

    @Override
    public synchronized void checkStillHeld() {
        if (lock == null || !lock.isValid()) {
            throw new RunLockLostException(describe(), "this process no longer holds it");
        }
        Object current;
        try {
            current = identity();
        }
        catch (NoSuchFileException ex) {
            throw new RunLockLostException(describe(), "its file was deleted, so another run could lock a new one", ex);
        }
        catch (IOException ex) {
            throw new RunLockLostException(describe(), "its file cannot be read (" + ex.getMessage() + ")", ex);
        }
        if (!Objects.equals(lockedFile, current)) {
            throw new RunLockLostException(describe(), "its file was replaced, so another run could lock the new one");
        }
    }

    @Override
    public synchronized void release() {
        try {
            if (lock != null) {
                if (!lock.isValid()) {
                    log.error("The run lock was not held at the end of the run ({})", describe());
                }
                lock.release();
                lock = null;
            }
            if (channel != null) {
                channel.close();
            }
        }
        catch (IOException ex) {
            log.error("The run lock {} could not be let go: {}", file, ex.getMessage());
        }
    }

    @Override
    public String describe() {
        String holder = "";
        try {
            holder = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        }
        catch (IOException ex) {
            // Only for the message.
        }
        return "file lock " + file + (holder.isEmpty() ? "" : " (process " + holder + ")");
    }

    private Object identity() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException ex) {
            return "unknown host";
        }
    }
}
