package org.lectern.runner;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The uids sandboxes run as, one per sandbox alive at a time, so that no two runs ever share a user: a runaway in one
 * cannot count against, or signal, another's processes.
 */
final class UidPool {
    private final BlockingQueue<Integer> free;

    UidPool(int first, int count) {
        free = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            free.add(first + i);
        }
    }

    /** The pool is sized for every sandbox that can be alive at once, so running dry is a bug, not a busy server. */
    int lease() {
        Integer uid = free.poll();
        if (uid == null) {
            throw new IllegalStateException("every sandbox uid is in use");
        }
        return uid;
    }

    void release(int uid) {
        free.add(uid);
    }
}
