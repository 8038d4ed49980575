/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.slackaudit.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

/**
 * Measures what the contender's JVM spends during the drain: wall time, CPU of the whole process (GC and JIT
 * threads included, as a user pays them), heap and RSS.
 * <p>
 * Two heap figures, because neither alone is honest: the sum of the heap pools' peaks says how much heap the
 * collector chose to use (mostly eden sizing, which follows {@code -Xmx}), and the largest heap left after a
 * collection says how much the contender kept alive, which is what decides whether a smaller {@code -Xmx} works.
 */
final class ProcessMeter {

    private static final OperatingSystemMXBean OS
            = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long startNanos;
    private final long startCpuNanos;
    private final long startGcCount;
    private final long startGcMillis;
    private final AtomicLong maxLiveAfterGc = new AtomicLong(-1);
    private final List<Registration> registrations = new ArrayList<>();

    private ProcessMeter() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Set<String> heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> onGc(notification, heapPools);
                emitter.addNotificationListener(listener, null, null);
                registrations.add(new Registration(emitter, listener));
            }
        }
        startGcCount = gcCount();
        startGcMillis = gcMillis();
        startCpuNanos = OS.getProcessCpuTime();
        startNanos = System.nanoTime();
    }

    static ProcessMeter start() {
        return new ProcessMeter();
    }

    /** Stops measuring. */
    Measurement stop() {
        long wallNanos = System.nanoTime() - startNanos;
        long cpuNanos = OS.getProcessCpuTime() - startCpuNanos;
        long gcCount = gcCount() - startGcCount;
        long gcMillis = gcMillis() - startGcMillis;
        long poolPeaks = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        for (Registration registration : registrations) {
            try {
                registration.emitter().removeNotificationListener(registration.listener());
            } catch (Exception ignored) {
                // the JVM is about to exit anyway
            }
        }
        return new Measurement(wallNanos / 1_000_000, cpuNanos / 1_000_000, poolPeaks, maxLiveAfterGc.get(),
                               peakRssBytes(), gcCount, gcMillis);
    }

    /**
     * @param wallMillis       drain wall time
     * @param cpuMillis        process CPU time during the drain (all threads)
     * @param heapPoolPeaks    sum of the heap pools' peak usage during the drain (an upper bound of the heap used)
     * @param liveHeapPeak     the largest heap occupancy right after a collection during the drain; -1 if none ran
     * @param rssPeak          the process's peak resident set (VmHWM, whole process lifetime); -1 if unknown
     * @param gcCount          collections during the drain
     * @param gcMillis         time the collectors report for them
     */
    record Measurement(long wallMillis, long cpuMillis, long heapPoolPeaks, long liveHeapPeak, long rssPeak,
                       long gcCount, long gcMillis) {
    }

    private void onGc(Notification notification, Set<String> heapPools) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info
                = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = 0;
        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        maxLiveAfterGc.accumulateAndGet(live, Math::max);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .collect(Collectors.toList());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** Linux's high-water mark of the resident set; the only portable-enough source without native code. */
    private static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: report unknown rather than a made-up number
        }
        return -1;
    }

    private record Registration(NotificationEmitter emitter, NotificationListener listener) {
    }
}
