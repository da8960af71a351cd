package uk.gov.personalbudget.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files under deploy/ and the services' settings they must agree with. Tests run in the module's folder. */
final class DeployFiles {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = DEPLOY.getParent();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path COMPOSE = DEPLOY.resolve("compose");

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private DeployFiles() {}

    /** Every YAML document of the file as JSON; SnakeYAML resolves anchors and merge keys as compose does. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(file))) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path service(String service) {
        return REPOSITORY.resolve(service);
    }

    /** Whether a class exists in the service's main sources. */
    static boolean hasClass(String service, String className) {
        return Files.isRegularFile(
                service(service).resolve("src/main/java").resolve(className.replace('.', '/') + ".java"));
    }

    /**
     * Whether an environment variable means something to the service: a variable its application.yml reads, or
     * (through relaxed binding) a Spring Boot setting of its configuration metadata.
     */
    static boolean isKnownSetting(String service, String variable) {
        return serviceVariables(service).contains(variable) || SpringBootSettings.NAMES.contains(relaxed(variable));
    }

    static Set<String> serviceVariables(String service) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(read(service(service).resolve("src/main/resources/application.yml")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Names of every property in the Spring Boot configuration metadata on the test class path. */
    private static final class SpringBootSettings {

        static final Set<String> NAMES = load();

        private static Set<String> load() {
            Set<String> names = new HashSet<>();
            try {
                for (URL url : Collections.list(DeployFiles.class
                        .getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json"))) {
                    try (InputStream in = url.openStream()) {
                        JSON.readTree(in)
                                .path("properties")
                                .forEach(p -> names.add(relaxed(p.path("name").asText())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return names;
        }
    }
}
