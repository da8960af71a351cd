package uk.gov.personalbudget.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static uk.gov.personalbudget.deploy.DeployFiles.JSON;
import static uk.gov.personalbudget.deploy.DeployFiles.KUBERNETES;

/**
 * Every Kubernetes manifest under deploy/kubernetes, read strictly as its API type (an unknown field, a wrong type
 * or an unknown kind fails), and the properties a safe deployment of these services needs.
 */
class KubernetesManifestsTest {

    /** The kinds we deploy, by apiVersion and kind: anything else is a mistake. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "images");

    private static final Map<String, Integer> PORTS = Map.of("budget-service", 8080, "approval-service", 8081);

    /** The image's USER (deploy/docker/{service}/Dockerfile). */
    private static final long IMAGE_USER = 10001;

    private final List<HasMetadata> resources = loadAll();

    @Test
    void everyManifestIsAKnownKindWithNoUnknownField() {
        assertThat(resources)
                .extracting(HasMetadata::getKind)
                .contains("ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "Job");
        for (HasMetadata resource : resources) {
            assertThat(resource.getMetadata().getName())
                    .as("name of a %s", resource.getKind())
                    .isNotBlank();
            assertThat(unknownFields(
                            resource,
                            resource.getKind() + "/" + resource.getMetadata().getName()))
                    .as("fields Kubernetes does not know")
                    .isEmpty();
        }
    }

    @Test
    void everyKustomizationListsEveryManifestOfItsFolderAndOnlyThose() throws Exception {
        List<Path> kustomizations = DeployFiles.files(KUBERNETES, "kustomization.yaml");
        assertThat(kustomizations)
                .extracting(path -> path.getParent().getFileName().toString())
                .containsExactlyInAnyOrder("config", "migrations", "services");
        for (Path kustomization : kustomizations) {
            JsonNode file = DeployFiles.yamlDocuments(kustomization).get(0);
            assertThat(file.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
            assertThat(file.path("kind").asText()).isEqualTo("Kustomization");
            file.fieldNames()
                    .forEachRemaining(field -> assertThat(KUSTOMIZATION_FIELDS).contains(field));
            List<String> listed = new ArrayList<>();
            file.path("resources").forEach(resource -> listed.add(resource.asText()));
            try (var siblings = Files.list(kustomization.getParent())) {
                assertThat(listed)
                        .containsExactlyInAnyOrderElementsOf(
                                siblings.map(path -> path.getFileName().toString())
                                        .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                                        .toList());
            }
            file.path("images")
                    .forEach(image -> assertThat(PORTS)
                            .containsKey(image.path("name").asText().replace("personal-budget/", "")));
        }
    }

    @Test
    void deploymentsAreProbedLimitedNonRootAndRollOneReadyPodAtATime() {
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (Deployment deployment : deployments) {
            String service = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = only(pod.getContainers());

            assertThat(deployment.getSpec().getReplicas())
                    .as("replicas of %s", service)
                    .isGreaterThanOrEqualTo(2);
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
                    .isEqualTo(new IntOrString(0));
            // The service's graceful shutdown takes up to 30 s after the preStop pause.
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(45L);
            assertThat(container.getLifecycle().getPreStop()).isNotNull();

            assertThat(container.getImage()).isEqualTo("personal-budget/" + service);
            assertThat(only(container.getPorts()).getContainerPort()).isEqualTo(PORTS.get(service));
            assertThat(only(container.getPorts()).getName()).isEqualTo("http");
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");

            assertLimited(container);
            assertNonRoot(pod, container);
            assertConfiguredFromConfigMapAndSecret(service, container);
        }
    }

    @Test
    void servicesAndDisruptionBudgetsSelectExactlyTheirDeploymentsPods() {
        for (Deployment deployment : all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

            Service service = named(Service.class, name);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(only(service.getSpec().getPorts()).getTargetPort()).isEqualTo(new IntOrString("http"));
            assertThat(only(service.getSpec().getPorts()).getPort()).isEqualTo(PORTS.get(name));

            PodDisruptionBudget budget = named(PodDisruptionBudget.class, name);
            assertThat(podLabels)
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable()).isEqualTo(new IntOrString(1));
            assertThat(budget.getSpec().getMinAvailable().getIntVal())
                    .isLessThan(deployment.getSpec().getReplicas());

            // The migration Job's pod must never receive the service's traffic.
            for (Job job : all(Job.class)) {
                Map<String, String> jobLabels =
                        job.getSpec().getTemplate().getMetadata().getLabels();
                assertThat(jobLabels
                                .entrySet()
                                .containsAll(service.getSpec().getSelector().entrySet()))
                        .as(
                                "service %s selects the pods of job %s",
                                name, job.getMetadata().getName())
                        .isFalse();
            }
        }
    }

    @Test
    void eachServiceHasAMigrationJobRunningItsMigrateOnlyEntryPointOnce() {
        Map<String, String> mainClasses = Map.of(
                "budget-service", "uk.gov.personalbudget.budget.migration.MigrateDatabases",
                "approval-service", "uk.gov.personalbudget.approval.migration.MigrateDatabase");
        List<Job> jobs = all(Job.class);
        assertThat(jobs).hasSize(2);
        for (Job job : jobs) {
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            Container container = only(pod.getContainers());
            String service = container.getImage().replace("personal-budget/", "");
            assertThat(mainClasses).containsKey(service);

            List<String> command = container.getCommand();
            assertThat(command).containsExactly("java", "-cp", service + ".jar", mainClasses.get(service));
            assertThat(DeployFiles.hasClass(service, command.get(3)))
                    .as("%s exists", command.get(3))
                    .isTrue();
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(job.getSpec().getBackoffLimit()).isBetween(1, 5);
            assertLimited(container);
            assertNonRoot(pod, container);
            assertConfiguredFromConfigMapAndSecret(service, container);
        }
    }

    @Test
    void configMapsHoldOnlySettingsTheServicesReadAndNoSecret() {
        List<ConfigMap> configMaps = all(ConfigMap.class);
        assertThat(configMaps)
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("budget-service-config", "approval-service-config");
        for (ConfigMap configMap : configMaps) {
            String service = configMap.getMetadata().getName().replace("-config", "");
            configMap.getData().forEach((name, value) -> {
                assertThat(DeployFiles.isKnownSetting(service, name))
                        .as("%s is read by %s", name, service)
                        .isTrue();
                assertThat(name).as("a secret in a ConfigMap").doesNotContain("PASSWORD", "SECRET", "TOKEN");
            });
            // Migrations run in the Job, never in the replicas.
            String migrate = service.equals("budget-service") ? "BUDGET_DB_MIGRATE" : "APPROVAL_DB_MIGRATE";
            assertThat(configMap.getData()).containsEntry(migrate, "false");
            assertThat(configMap.getData()).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        assertThat(resources).extracting(HasMetadata::getKind).doesNotContain("Secret");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    }

    private static void assertLimited(Container container) {
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKey("memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
    }

    private static void assertNonRoot(PodSpec pod, Container container) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(IMAGE_USER);
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        // A read-only root needs a writable /tmp (Tomcat's work files).
        assertThat(container.getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    }

    private void assertConfiguredFromConfigMapAndSecret(String service, Container container) {
        assertThat(container.getEnv()).as("inline environment of %s", service).isNullOrEmpty();
        List<EnvFromSource> sources = container.getEnvFrom();
        assertThat(sources)
                .extracting(source -> source.getConfigMapRef() == null
                        ? null
                        : source.getConfigMapRef().getName())
                .contains(service + "-config");
        assertThat(sources)
                .extracting(source -> source.getSecretRef() == null
                        ? null
                        : source.getSecretRef().getName())
                .contains(service + "-secrets");
        assertThat(named(ConfigMap.class, service + "-config")).isNotNull();
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> T named(Class<T> type, String name) {
        return only(all(type).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .toList());
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<HasMetadata> loadAll() {
        List<HasMetadata> loaded = new ArrayList<>();
        for (Path file : DeployFiles.files(KUBERNETES, ".yaml")) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode document : DeployFiles.yamlDocuments(file)) {
                String kind = document.path("apiVersion").asText() + "/"
                        + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    fail("%s: %s is not a kind these services deploy", file, kind);
                }
                try {
                    loaded.add(JSON.treeToValue(document, type));
                } catch (Exception e) {
                    fail("%s: not a valid %s: %s", file, kind, e.getMessage());
                }
            }
        }
        return loaded;
    }

    /**
     * Fields the API type does not declare: the Kubernetes model keeps them aside instead of failing, and the API
     * server would refuse or silently drop them.
     */
    static List<String> unknownFields(Object value, String path) {
        List<String> unknown = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknown.addAll(unknownFields(item, path + "." + key)));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
        } else if (value != null
                && value.getClass().getName().startsWith("io.fabric8.")
                && !(value instanceof Quantity)
                && !(value instanceof IntOrString)) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0
                        || Modifier.isStatic(getter.getModifiers())
                        || !getter.getName().startsWith("get")
                        || getter.getName().equals("getClass")) {
                    continue;
                }
                Object field = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    Map<?, ?> extra = (Map<?, ?>) field;
                    if (extra != null && !extra.isEmpty()) {
                        unknown.add(path + ": "
                                + extra.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                    }
                } else {
                    unknown.addAll(
                            unknownFields(field, path + "." + getter.getName().substring(3)));
                }
            }
        }
        return unknown;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }
}
