package uk.gov.personalbudget.benchmarks;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --aot-cache=<dir>}: runs a service from its jar extracted into {@code <dir>/<module>} (the JVM caches only
 * classes it loads from the class path, not from jars nested in a Spring Boot jar) with JDK 25's ahead-of-time cache
 * {@code <dir>/<module>.aot}. While that file is missing, the run is the training run: the service records the
 * classes it loads and its methods' profiles, and writes the cache when it stops at the end of the run. Later runs
 * start with the cache, so their JIT can compile hot methods from the first request. A changed jar is extracted
 * again and its cache made anew (a cache only fits the exact class path it was recorded on).
 */
final class AheadOfTimeCache {

    private AheadOfTimeCache() {}

    static Stack.Launch launch(Path caches, String module, Path packagedJar, List<String> jvmOptions)
            throws IOException {
        if (Runtime.version().feature() < 25) {
            throw new IllegalArgumentException("--aot-cache needs JDK 25 or later to run the services, this is "
                    + Runtime.version() + ": run with JAVA_HOME set to one");
        }
        Path extracted = caches.resolve(module);
        Path cache = caches.resolve(module + ".aot");
        // The jar it was extracted from, kept to tell whether the packaged jar has changed since.
        Path source = caches.resolve(module + ".source.jar");
        if (!Files.isRegularFile(source) || Files.mismatch(source, packagedJar) != -1) {
            FileSystemUtils.deleteRecursively(extracted);
            Files.deleteIfExists(cache);
            extract(packagedJar, extracted);
            Files.copy(packagedJar, source, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> withCache = new ArrayList<>(jvmOptions);
        if (Files.isRegularFile(cache)) {
            withCache.add("-XX:AOTCache=" + cache);
            System.out.println("ahead-of-time cache: " + cache);
        } else {
            withCache.add("-XX:AOTCacheOutput=" + cache);
            System.out.println("ahead-of-time cache: training run, recording " + cache);
        }
        return new Stack.Launch(extracted.resolve(module + ".jar"), withCache);
    }

    private static void extract(Path packagedJar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Process extraction = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        packagedJar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .inheritIO()
                .start();
        try {
            if (extraction.waitFor() != 0) {
                throw new IOException("could not extract " + packagedJar + " (exit " + extraction.exitValue() + ")");
            }
        } catch (InterruptedException interrupted) {
            extraction.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + packagedJar, interrupted);
        }
    }
}
