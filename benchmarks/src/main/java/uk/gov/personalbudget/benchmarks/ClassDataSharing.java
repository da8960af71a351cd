package uk.gov.personalbudget.benchmarks;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Class data sharing as a service's image uses it (deploy/docker/&lt;service&gt;/Dockerfile): the service runs from its
 * jar extracted with its libraries beside it ({@link ExtractedJar}) and maps the archive of a training run, which
 * started the application context with the image's training arguments and {@code -Dspring.context.exit=onRefresh}
 * and stopped before serving. Archives live in {@code benchmarks/target/class-data-sharing}, one per jar, JVM and
 * JVM options (an archive fits only the JVM and class path that wrote it), made at the first start that needs one.
 * {@code --cds=false} runs the services from their packaged jars without it, as before the images had it.
 */
final class ClassDataSharing {

    private static final long TRAINING_LIMIT_SECONDS = 300;

    private ClassDataSharing() {}

    static Stack.Launch launch(
            Path directory, String module, Path packagedJar, List<String> jvmOptions, List<String> trainingArguments)
            throws IOException {
        Path archives = directory.resolve(module + "-archives");
        Path jar = ExtractedJar.of(directory, module, packagedJar, archives);
        Path archive = archives.resolve(key(jvmOptions) + ".jsa");
        if (!Files.isRegularFile(archive)) {
            train(jar, archive, jvmOptions, trainingArguments);
        }
        List<String> withArchive = new ArrayList<>(jvmOptions);
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        return new Stack.Launch(jar, withArchive);
    }

    private static String key(List<String> jvmOptions) {
        CRC32 crc = new CRC32();
        crc.update((System.getProperty("java.home") + " " + Runtime.version() + " " + String.join(" ", jvmOptions))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The image's training run, in the extracted jar's directory; the files of its embedded defaults are deleted. */
    private static void train(Path jar, Path archive, List<String> jvmOptions, List<String> trainingArguments)
            throws IOException {
        Files.createDirectories(archive.getParent());
        Path log = archive.resolveSibling(archive.getFileName() + ".training.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString()));
        command.addAll(trainingArguments);
        System.out.println("class data sharing: training run for " + archive + " (log " + log + ")");
        Process training = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!training.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                training.destroyForcibly();
                throw new IOException(
                        "the training run for " + archive + " took over " + TRAINING_LIMIT_SECONDS + " s; see " + log);
            }
        } catch (InterruptedException interrupted) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training " + archive, interrupted);
        } finally {
            FileSystemUtils.deleteRecursively(jar.resolveSibling("data"));
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
            // A JVM that exits with an error may still write its archive, of a start that failed: never use it.
            Files.deleteIfExists(archive);
            throw new IOException(
                    "the training run for " + archive + " failed (exit " + training.exitValue() + "); see " + log);
        }
    }
}
