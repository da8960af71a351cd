package uk.gov.personalbudget.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every environment variable the services' configuration reads is in docs/configuration.md's table. */
class ConfigurationDocTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    void everyVariableTheServicesReadIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String module : new String[] {"budget-service", "approval-service", "service-support"}) {
            Path resources = ROOT.resolve(module).resolve("src/main/resources");
            try (Stream<Path> files = Files.list(resources)) {
                for (Path yaml :
                        files.filter(file -> file.toString().endsWith(".yml")).toList()) {
                    Matcher variable = PLACEHOLDER.matcher(Files.readString(yaml));
                    while (variable.find()) {
                        read.add(variable.group(1));
                    }
                }
            }
        }
        String documented = Files.readString(ROOT.resolve("docs/configuration.md"));

        assertThat(read).as("variables read by application*.yml").contains("BUDGET_DB_URL", "APPROVAL_DB_URL");
        assertThat(read).allSatisfy(variable -> assertThat(documented).contains("`" + variable + "`"));
    }
}
