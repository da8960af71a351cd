package uk.gov.personalbudget.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --aot-cache=<dir>}: runs a service from its jar extracted into {@code <dir>/<module>} ({@link ExtractedJar})
 * with JDK 25's ahead-of-time cache {@code <dir>/<module>.aot}. While that file is missing, the run is the training
 * run: the service records the classes it loads and its methods' profiles, and writes the cache when it stops at the
 * end of the run. Later runs start with the cache, so their JIT can compile hot methods from the first request. A
 * changed jar is extracted again and its cache made anew.
 */
final class AheadOfTimeCache {

    private AheadOfTimeCache() {}

    static Stack.Launch launch(Path caches, String module, Path packagedJar, List<String> jvmOptions)
            throws IOException {
        if (Runtime.version().feature() < 25) {
            throw new IllegalArgumentException("--aot-cache needs JDK 25 or later to run the services, this is "
                    + Runtime.version() + ": run with JAVA_HOME set to one");
        }
        Path cache = caches.resolve(module + ".aot");
        Path jar = ExtractedJar.of(caches, module, packagedJar, cache);
        List<String> withCache = new ArrayList<>(jvmOptions);
        if (Files.isRegularFile(cache)) {
            withCache.add("-XX:AOTCache=" + cache);
            System.out.println("ahead-of-time cache: " + cache);
        } else {
            withCache.add("-XX:AOTCacheOutput=" + cache);
            System.out.println("ahead-of-time cache: training run, recording " + cache);
        }
        return new Stack.Launch(jar, withCache);
    }
}
