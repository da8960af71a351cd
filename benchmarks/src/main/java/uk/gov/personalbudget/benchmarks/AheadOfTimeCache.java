package uk.gov.personalbudget.benchmarks;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code --aot-cache=<dir>}: runs a service from its jar extracted into {@code <dir>/<module>} (the JVM caches only
 * classes it loads from the class path, not from jars nested in a Spring Boot jar) with JDK 25's ahead-of-time cache
 * {@code <dir>/<module>.aot}. While that file is missing, the run is the training run: the service records the
 * classes it loads and its methods' profiles, and writes the cache when it stops at the end of the run. Later runs
 * start with the cache, so their JIT can compile hot methods from the first request. A changed jar is extracted
 * again and its cache made anew (a cache only fits the exact class path it was recorded on).
 */
record AheadOfTimeCache(Path jar, Path cache) {

    static AheadOfTimeCache of(Path caches, String module, Path packagedJar) throws IOException, InterruptedException {
        if (Runtime.version().feature() < 25) {
            throw new IllegalArgumentException("--aot-cache needs JDK 25 or later to run the services, this is "
                    + Runtime.version() + ": run with JAVA_HOME set to one");
        }
        Path extracted = caches.resolve(module);
        Path cache = caches.resolve(module + ".aot");
        Path source = extracted.resolve("extracted-from.sha256");
        String digest = sha256(packagedJar);
        if (!Files.isRegularFile(source) || !Files.readString(source).equals(digest)) {
            FileSystemUtils.deleteRecursively(extracted);
            Files.deleteIfExists(cache);
            extract(packagedJar, extracted);
            Files.writeString(source, digest);
        }
        return new AheadOfTimeCache(extracted.resolve(module + ".jar"), cache);
    }

    /** {@code options} with the cache to use, or to record in this (training) run. */
    List<String> jvmOptions(List<String> options) {
        List<String> withCache = new ArrayList<>(options);
        if (Files.isRegularFile(cache)) {
            withCache.add("-XX:AOTCache=" + cache);
            System.out.println("ahead-of-time cache: " + cache);
        } else {
            withCache.add("-XX:AOTCacheOutput=" + cache);
            System.out.println("ahead-of-time cache: training run, recording " + cache);
        }
        return withCache;
    }

    private static void extract(Path packagedJar, Path destination) throws IOException, InterruptedException {
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
        if (extraction.waitFor() != 0) {
            throw new IOException("could not extract " + packagedJar + " (exit " + extraction.exitValue() + ")");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
