package org.lectern.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a sandbox's figures from its cgroup files, which a run's watch does every few milliseconds. Each file is opened
 * once and read again from its start into one buffer: opening it anew each time, through a reader with its own buffers,
 * cost a few system calls and about 25 KB of garbage per sample, a tenth of what the server allocated under load.
 * A file that cannot be read counts as 0, as a group already removed does.
 */
final class CgroupFigures implements AutoCloseable {
    private final Map<Path, FileChannel> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(512);
    private boolean closed;

    /** The number a file such as cpuacct.usage holds. */
    synchronized long number(Path file) {
        int length = read(file);
        return length < 0 ? 0 : parse(0, length);
    }

    /** The value of {@code name} in a flat keyed file such as memory.oom_control ("oom_kill 3"). */
    synchronized long field(Path file, String name) {
        int length = read(file);
        byte[] bytes = buffer.array();
        for (int line = 0; line < length; ) {
            int end = line;
            while (end < length && bytes[end] != '\n') {
                end++;
            }
            if (startsWithKey(bytes, line, end, name)) {
                return parse(line + name.length() + 1, end);
            }
            line = end + 1;
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(CgroupFigures::closeQuietly);
        open.clear();
    }

    /**
     * Reads the whole file into the buffer; its length, or -1 when it cannot be read. A channel whose read failed is
     * dropped, so the next read opens the file anew: a thread interrupted while reading closes the channel for good.
     */
    private int read(Path file) {
        if (closed) {
            return -1;
        }
        FileChannel channel = open.get(file);
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                open.put(file, channel);
            }
            buffer.clear();
            // a read at offset 0 makes the kernel produce the file's current contents again
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // a cgroup file arrives in one read; the loop only guards against a short one
            }
            return buffer.position();
        } catch (IOException e) {
            open.remove(file);
            closeQuietly(channel);
            return -1;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // a cgroup file holds nothing to flush
        }
    }

    private static boolean startsWithKey(byte[] bytes, int from, int end, String name) {
        if (end - from <= name.length() || bytes[from + name.length()] != ' ') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (bytes[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number in bytes[from, end), spaces around it allowed; 0 when there is none. */
    private long parse(int from, int end) {
        byte[] bytes = buffer.array();
        long value = 0;
        boolean digits = false;
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
                digits = true;
            } else if (digits || (b != ' ' && b != '\n')) {
                break;
            }
        }
        return digits ? value : 0;
    }
}
