package dev.newsflow.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line on the machine a benchmark ran on, printed with its numbers. */
final class Machine {

    private Machine() {}

    static String describe() {
        return String.format(
                Locale.ROOT,
                "machine: %d cpus (%s), %.1f GiB RAM, JVM max heap %.1f GiB, %s %s, Java %s;"
                        + " load average now %.1f",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                totalMemoryGiB(),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown cpu");
        } catch (Exception e) {
            return "unknown cpu";
        }
    }

    private static double totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                            .filter(l -> l.startsWith("MemTotal:"))
                            .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                            .findFirst()
                            .orElse(0)
                    / (1024.0 * 1024);
        } catch (Exception e) {
            return 0;
        }
    }
}
