package uk.gov.personalbudget.benchmarks;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A service's jar extracted by Spring Boot's tools ({@code -Djarmode=tools extract}): {@code <module>.jar} with its
 * libraries beside it in {@code lib/}, so the JVM loads the application's classes from its own class path, which
 * class data sharing and JDK 25's ahead-of-time cache need (neither caches classes from jars nested in a Spring Boot
 * jar).
 */
final class ExtractedJar {

    private ExtractedJar() {}

    /**
     * {@code <directory>/<module>/<module>.jar}, extracted from {@code packagedJar} unless it already was from the same
     * jar. When it is extracted anew, whatever was made from the old one ({@code madeFromIt}, a file or a directory)
     * is deleted: a cache or archive fits only the exact class path it was recorded on.
     */
    static Path of(Path directory, String module, Path packagedJar, Path madeFromIt) throws IOException {
        Path extracted = directory.resolve(module);
        // The jar it was extracted from, kept to tell whether the packaged jar has changed since.
        Path source = directory.resolve(module + ".source.jar");
        if (!Files.isRegularFile(source) || Files.mismatch(source, packagedJar) != -1) {
            FileSystemUtils.deleteRecursively(extracted);
            FileSystemUtils.deleteRecursively(madeFromIt);
            extract(packagedJar, extracted);
            Files.copy(packagedJar, source, StandardCopyOption.REPLACE_EXISTING);
        }
        return extracted.resolve(module + ".jar");
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
