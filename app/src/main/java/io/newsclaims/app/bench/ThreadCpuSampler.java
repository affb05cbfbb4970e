package io.newsclaims.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of this JVM's threads, grouped by what their names say they do. Threads come and go (a
 * crawl pool ends with its crawl), so it samples every thread's CPU time every
 * {@value #PERIOD_MS} ms from a daemon thread and keeps each thread's last reading: a thread that
 * ends between two samples loses at most one period. What the JVM spends outside its Java threads
 * (garbage collection, the JIT compilers) is the process's CPU time less the threads' sum.
 */
final class ThreadCpuSampler implements AutoCloseable {
    static final String UNATTRIBUTED = "JVM (GC, JIT)";
    private static final int PERIOD_MS = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Function<String, String> group;
    private final Map<Long, Long> baseline = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();
    private final long processBaseline;
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts sampling now; {@code group} names the group of a thread name. */
    ThreadCpuSampler(Function<String, String> group) {
        this.group = group;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        synchronized (this) {
            read(baseline);
        }
        processBaseline = os.getProcessCpuTime();
        sampler = new Thread(this::loop, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void loop() {
        while (running) {
            synchronized (this) {
                read(last);
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void read(Map<Long, Long> into) {
        long[] ids = threads.getAllThreadIds();
        for (long id : ids) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu < 0) {
                continue; // ended meanwhile
            }
            if (!groups.containsKey(id)) {
                ThreadInfo info = threads.getThreadInfo(id);
                if (info == null) {
                    continue;
                }
                groups.put(id, group.apply(info.getThreadName()));
            }
            into.put(id, cpu);
        }
    }

    /** Seconds of CPU per group since the start, in order of first appearance, and {@link #UNATTRIBUTED}. */
    synchronized Map<String, Double> seconds() {
        read(last);
        Map<String, Double> byGroup = new LinkedHashMap<>();
        long sum = 0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            long used = e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            sum += used;
            byGroup.merge(groups.get(e.getKey()), used / 1e9, Double::sum);
        }
        byGroup.put(UNATTRIBUTED, Math.max(0, processSeconds() - sum / 1e9));
        return byGroup;
    }

    /** CPU seconds of the whole process since the start. */
    double processSeconds() {
        return (os.getProcessCpuTime() - processBaseline) / 1e9;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
