package io.github.coupapoexport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The run lock of an H2 file job repository: an OS file lock beside the database, freed when the process dies. */
class FileRunLock implements RunLock {

    private final Path file;

    private FileChannel channel;

    private FileLock lock;

    FileRunLock(Path file) {
        this.file = file;
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
    public synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
                lock = null;
            }
            if (channel != null) {
                channel.close();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot unlock " + file, ex);
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

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (IOException ex) {
            return "unknown host";
        }
    }
}
