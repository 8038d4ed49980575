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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on, read from the running system rather than typed in. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%s; %d CPUs (%s); %s RAM; %s %s; load average %s",
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), loadAverage());
    }

    /** The 1-, 5- and 15-minute load averages: on a shared machine they say how busy the neighbours were. */
    static String loadAverage() {
        String load = firstLine(Path.of("/proc/loadavg"));
        if (load != null) {
            String[] parts = load.split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
