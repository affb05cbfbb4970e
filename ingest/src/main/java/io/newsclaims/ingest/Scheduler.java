package io.newsclaims.ingest;

import io.newsclaims.ingest.politeness.HostClock;
import io.newsclaims.ingest.politeness.HostKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A queue per host and one order over the hosts: a host's queue gives out one work at a time, and
 * only once its {@link HostClock} spacing has passed since its last answer; idle hosts wait in a heap
 * ordered by that time, so the fetch threads always take the host that has been ready longest and
 * never sit on a host that must wait while another could be asked. Local files have no host and go
 * first. Thread-safe.
 */
final class Scheduler {
    private static final class HostQueue {
        final HostKey host;
        final Deque<Work> works = new ArrayDeque<>();
        boolean busy;
        boolean waiting;
        long readyAtNanos;

        HostQueue(HostKey host) {
            this.host = host;
        }
    }

    private final HostClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<HostKey, HostQueue> hosts = new HashMap<>();
    private final PriorityQueue<HostQueue> idle = new PriorityQueue<>(Comparator.comparingLong(h -> h.readyAtNanos));
    private final Deque<Work> files = new ArrayDeque<>();
    /** Works queued or under way. */
    private long outstanding;
    private boolean closed;

    Scheduler(HostClock clock) {
        this.clock = clock;
    }

    void add(Work work) {
        lock.lock();
        try {
            outstanding++;
            if (work.host() == null) {
                files.add(work);
            } else {
                HostQueue q = hosts.computeIfAbsent(work.host(), HostQueue::new);
                q.works.add(work);
                schedule(q);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a work may start; null once the scheduler is closed. */
    Work take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed) {
                if (!files.isEmpty()) {
                    return files.poll();
                }
                HostQueue next = idle.peek();
                if (next == null) {
                    changed.await();
                    continue;
                }
                long wait = next.readyAtNanos - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                idle.poll();
                next.waiting = false;
                Work work = next.works.poll();
                if (work == null) { // emptied by removeIf
                    hosts.remove(next.host);
                    continue;
                }
                next.busy = true;
                return work;
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The work is finished: its host may be given out again once its spacing has passed. */
    void done(Work work) {
        lock.lock();
        try {
            outstanding--;
            HostQueue q = work.host() == null ? null : hosts.get(work.host());
            if (q != null) {
                q.busy = false;
                if (q.works.isEmpty()) {
                    hosts.remove(q.host);
                } else {
                    schedule(q);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The work did a preliminary request (its host's robots.txt) and goes back to the head of its
     * host's queue, to be taken again when the host's spacing has passed, without holding a thread.
     */
    void again(Work work) {
        lock.lock();
        try {
            HostQueue q = hosts.computeIfAbsent(work.host(), HostQueue::new);
            q.works.addFirst(work);
            q.busy = false;
            schedule(q);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the queued (not started) works that match; returns them. */
    List<Work> removeIf(Predicate<Work> drop) {
        lock.lock();
        try {
            List<Work> removed = new ArrayList<>();
            removeFrom(files, drop, removed);
            for (HostQueue q : hosts.values()) {
                removeFrom(q.works, drop, removed);
            }
            outstanding -= removed.size();
            changed.signalAll();
            return removed;
        } finally {
            lock.unlock();
        }
    }

    private static void removeFrom(Deque<Work> works, Predicate<Work> drop, List<Work> removed) {
        for (Iterator<Work> it = works.iterator(); it.hasNext(); ) {
            Work w = it.next();
            if (drop.test(w)) {
                it.remove();
                removed.add(w);
            }
        }
    }

    /** Works queued or under way. */
    long outstanding() {
        lock.lock();
        try {
            return outstanding;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no work is queued or under way, or the timeout passes; true when quiet. */
    boolean awaitQuiet(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (outstanding > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts an idle host with work in the heap, at the time its clock allows the next request. */
    private void schedule(HostQueue q) {
        if (!q.busy && !q.waiting && !q.works.isEmpty()) {
            q.readyAtNanos = clock.readyAtNanos(q.host);
            q.waiting = true;
            idle.add(q);
        }
    }
}
