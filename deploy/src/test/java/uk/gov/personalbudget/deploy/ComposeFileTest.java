package uk.gov.personalbudget.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.personalbudget.deploy.DeployFiles.COMPOSE;

/** deploy/compose/compose.yaml: valid Compose, health-gated, migrations first, no secret in it. */
class ComposeFileTest {

    private static final Path FILE = COMPOSE.resolve("compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?])?([^}]*)}");
    private static final Map<String, String> SERVICES =
            Map.of("budget-service", "budget-migrate", "approval-service", "approval-migrate");

    private static final Path DEV_TOKENS = COMPOSE.resolve("compose.dev-tokens.yaml");

    private final JsonNode compose = DeployFiles.yamlDocuments(FILE).get(0);
    private final JsonNode services = compose.path("services");

    /**
     * Against the Compose specification's JSON schema: the repository's copy (src/test/resources/compose-spec, whose
     * README says where it comes from), or the file COMPOSE_SPEC_SCHEMA names.
     */
    @Test
    void isValidAgainstTheComposeSpecification() throws Exception {
        String schemaFile = System.getenv("COMPOSE_SPEC_SCHEMA");
        JsonSchema schema;
        try (InputStream in = schemaFile == null || schemaFile.isBlank()
                ? ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")
                : Files.newInputStream(Path.of(schemaFile))) {
            assertThat(in).as("the Compose specification's schema").isNotNull();
            // Its "id" keywords are draft-04 leftovers that name, not constrain.
            JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                    .keyword(new NonValidationKeyword("id"))
                    .build();
            schema = JsonSchemaFactory.getInstance(
                            SpecVersion.VersionFlag.V201909, factory -> factory.metaSchema(metaSchema))
                    .getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(compose);
        assertThat(errors).isEmpty();
        assertThat(schema.validate(DeployFiles.yamlDocuments(DEV_TOKENS).get(0)))
                .as(DEV_TOKENS.toString())
                .isEmpty();
    }

    /** Development tokens never reach a deployment by default: only the override turns them on, on loopback only. */
    @Test
    void developmentTokensComeOnlyFromTheOverrideAndOnlyOnLoopback() {
        assertThat(DeployFiles.read(FILE)).doesNotContain("dev-tokens=", "SPRING_PROFILES_ACTIVE");
        assertThat(DeployFiles.read(COMPOSE.resolve(".env.example"))).doesNotContain("SPRING_PROFILES_ACTIVE");

        JsonNode overrides = DeployFiles.yamlDocuments(DEV_TOKENS).get(0).path("services");
        assertThat(overrides
                        .path("budget-service")
                        .path("environment")
                        .path("SPRING_PROFILES_ACTIVE")
                        .asText())
                .isEqualTo("dev-tokens");
        for (String service : SERVICES.keySet()) {
            JsonNode override = overrides.path(service);
            assertThat(override.path("network_mode").asText()).as(service).isEqualTo("host");
            assertThat(override.path("environment").path("SERVER_ADDRESS").asText())
                    .as(service)
                    .isEqualTo("127.0.0.1");
            override.path("environment")
                    .fieldNames()
                    .forEachRemaining(variable -> assertThat(DeployFiles.isKnownSetting(service, variable))
                            .as("%s is read by %s", variable, service)
                            .isTrue());
        }
        for (String published : List.of("postgres", "kafka")) {
            overrides
                    .path(published)
                    .path("ports")
                    .forEach(port -> assertThat(port.asText()).as(published).startsWith("127.0.0.1:"));
        }
    }

    @Test
    void runsPostgresKafkaInKraftModeTheMigrationsAndBothServicesOnNamedVolumes() {
        assertThat(names(services))
                .containsExactlyInAnyOrder(
                        "postgres",
                        "kafka",
                        "budget-migrate",
                        "approval-migrate",
                        "budget-service",
                        "approval-service");
        JsonNode kafka = services.path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.has("KAFKA_ZOOKEEPER_CONNECT")).isFalse();

        Set<String> declared = names(compose.path("volumes"));
        assertThat(declared).containsExactlyInAnyOrder("postgres-data", "kafka-data");
        for (String stateful : List.of("postgres", "kafka")) {
            List<String> mounts = new ArrayList<>();
            services.path(stateful)
                    .path("volumes")
                    .forEach(v -> mounts.add(v.asText().split(":")[0]));
            assertThat(mounts).as("volumes of %s", stateful).containsAnyElementsOf(declared);
        }
        assertThat(Files.isExecutable(COMPOSE.resolve("postgres/init-databases.sh")))
                .isTrue();
    }

    @Test
    void servicesStartOnlyAfterHealthyDependenciesAndTheirOwnMigration() {
        SERVICES.forEach((service, migration) -> {
            JsonNode dependsOn = services.path(service).path("depends_on");
            assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path(migration).path("condition").asText())
                    .isEqualTo("service_completed_successfully");
            assertThat(services.path(migration)
                            .path("depends_on")
                            .path("postgres")
                            .path("condition")
                            .asText())
                    .isEqualTo("service_healthy");
            assertThat(services.path(service).path("healthcheck").path("test").toString())
                    .contains("/actuator/health/readiness");
        });
        for (String dependency : List.of("postgres", "kafka")) {
            assertThat(services.path(dependency)
                            .path("healthcheck")
                            .path("test")
                            .isMissingNode())
                    .isFalse();
        }
        // The key store's schema is budget-service's migration's to create.
        assertThat(services.path("approval-service")
                        .path("depends_on")
                        .path("budget-migrate")
                        .path("condition")
                        .asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void migrationsRunTheMigrateOnlyEntryPointsAndTheServicesNeverMigrate() {
        SERVICES.forEach((service, migration) -> {
            JsonNode command = services.path(migration).path("command");
            String mainClass = command.get(command.size() - 1).asText();
            assertThat(DeployFiles.hasClass(service, mainClass))
                    .as("%s exists", mainClass)
                    .isTrue();
            assertThat(services.path(migration).path("image").asText())
                    .isEqualTo(services.path(service).path("image").asText());
            String variable = service.equals("budget-service") ? "BUDGET_DB_MIGRATE" : "APPROVAL_DB_MIGRATE";
            assertThat(services.path(service).path("environment").path(variable).asText())
                    .isEqualTo("false");
        });
    }

    @Test
    void everyVariableIsOneTheServiceReadsAndNoSecretIsWrittenIn() {
        SERVICES.forEach((service, migration) -> {
            for (String name : List.of(service, migration)) {
                services.path(name).path("environment").fields().forEachRemaining(variable -> {
                    assertThat(DeployFiles.isKnownSetting(service, variable.getKey()))
                            .as("%s is read by %s", variable.getKey(), service)
                            .isTrue();
                    if (variable.getKey().contains("PASSWORD")) {
                        assertThat(variable.getValue().asText())
                                .as(variable.getKey())
                                .matches("\\$\\{[A-Z_]+}");
                    }
                });
            }
            assertThat(services.path(service)
                            .path("environment")
                            .path("LOGGING_STRUCTURED_FORMAT_CONSOLE")
                            .asText())
                    .isEqualTo("ecs");
        });
        services.path("postgres")
                .path("environment")
                .fields()
                .forEachRemaining(variable -> assertThat(variable.getValue().asText())
                        .as(variable.getKey())
                        .startsWith("${"));
    }

    @Test
    void envExampleNamesEveryRequiredVariableAndLeavesThePasswordsEmpty() {
        Path example = COMPOSE.resolve(".env.example");
        Map<String, String> values = new HashMap<>();
        for (String line : DeployFiles.read(example).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split("=", 2);
                values.put(pair[0], pair[1]);
            }
        }
        Set<String> required = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(DeployFiles.read(FILE));
        while (matcher.find()) {
            if (":?".equals(matcher.group(2))) {
                required.add(matcher.group(1));
            }
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "BUDGET_DB_PASSWORD", "APPROVAL_DB_PASSWORD");
        assertThat(values.keySet()).containsAll(required);
        values.forEach((name, value) -> {
            if (name.contains("PASSWORD")) {
                assertThat(value).as(name).isEmpty();
            }
        });
        // The .env with the real passwords is never committed.
        assertThat(DeployFiles.read(COMPOSE.resolve(".gitignore")).lines()).contains(".env");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
