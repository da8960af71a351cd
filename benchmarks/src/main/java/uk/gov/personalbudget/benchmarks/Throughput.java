package uk.gov.personalbudget.benchmarks;

import uk.gov.personalbudget.testsupport.process.ServiceProcess;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 1: commands per second and latency over REST on PostgreSQL, at each client count, each beside pgbench's
 * single-row INSERTs with the same client count on the same server. budget-service publishes to Kafka as it does
 * in production; approval-service, which runs elsewhere in production, is not started.
 */
final class Throughput {

    static final Set<String> FLAGS = Stack.flagsAnd("clients", "warm-up", "jit-warm-up", "seconds", "profile");

    static void run(Options options) throws Exception {
        List<Integer> clientCounts = options.integers("clients", List.of(8, 32, 64));
        Duration warmUp = options.seconds("warm-up", 10);
        Duration measure = options.seconds("seconds", 20);
        Duration jitWarmUp = options.seconds("jit-warm-up", 0);
        boolean profile = Boolean.parseBoolean(options.text("profile", "false"));
        try (Stack stack = Stack.start("throughput", options)) {
            // Tokens from an identity provider of the benchmark's own, which budget-service only verifies, as in
            // production: with development tokens, budget-service signed one for each new person of the load, about
            // 3 % of its CPU per command at 32 clients (docs/benchmarks-log.md).
            ServiceProcess budgetService =
                    stack.startBudgetServices(1, TestIssuer.get(), List.of()).get(0);
            PgBench pgbench = PgBench.on(stack.postgres(), stack.runDirectory());
            BudgetApi api =
                    new BudgetApi(List.of(budgetService.baseUrl()), TestIssuer.get(), BudgetApi.Routing.ROUND_ROBIN);
            Benchmarks.heading("Command throughput over REST on PostgreSQL, beside pgbench (single-row INSERT)");
            Statements statements = new Statements(() -> connect(stack, Stack.BUDGET_DB));
            Profiler profiler = profile ? Profiler.in(stack.runDirectory()) : null;
            // Without it the first client count's window holds most of the service's start-up compilation (section 1a).
            CommandLoad.warmUpJit(
                    api, clientCounts.stream().max(Integer::compare).orElse(32), "tpjit", jitWarmUp);
            for (int clients : clientCounts) {
                CpuWindow cpu = new CpuWindow(budgetService, stack.postgresDataDirectory());
                List<Statements.Row> run = new ArrayList<>();
                CommandLoad.Result ours = new CommandLoad(api, clients, "tp" + clients, null, null)
                        .run(warmUp, measure, new CommandLoad.Window() {
                            @Override
                            public void opened() throws Exception {
                                statements.reset();
                                if (profiler != null) {
                                    profiler.start(budgetService.pid());
                                }
                                cpu.opened();
                            }

                            @Override
                            public void closed() throws Exception {
                                cpu.closed();
                                if (profiler != null) {
                                    profiler.stop(budgetService.pid(), collapsed(stack, clients));
                                }
                                run.addAll(statements.read());
                            }
                        });
                double postgresBefore = CpuTime.ofPostgres(stack.postgresDataDirectory());
                PgBench.Result reference = pgbench.run(clients, measure);
                double postgresPerInsert =
                        (CpuTime.ofPostgres(stack.postgresDataDirectory()) - postgresBefore) / reference.transactions();
                System.out.println(ours.summary());
                System.out.printf(
                        "%3d clients: CPU per command: budget-service %.2f ms (of which its JIT compilers %.2f ms),"
                                + " PostgreSQL %.3f ms%n",
                        clients,
                        1000 * cpu.service / ours.commands(),
                        1000 * cpu.compilers / ours.commands(),
                        1000 * cpu.postgres / ours.commands());
                System.out.print(Statements.perCommand(run, ours.commands(), String.format("%3d clients:", clients)));
                if (profiler != null) {
                    System.out.printf("%3d clients: profile in %s%n", clients, collapsed(stack, clients));
                    System.out.print(ProfileBreakdown.of(collapsed(stack, clients))
                            .report(ours.commands(), String.format("%3d clients: ", clients)));
                }
                System.out.printf(
                        "%3d clients: pgbench %8.1f tps (PostgreSQL CPU %.3f ms per insert)   "
                                + "ratio ours / pgbench = %.3f  (goal >= 0.5)%n",
                        clients, reference.tps(), 1000 * postgresPerInsert, ours.perSecond() / reference.tps());
            }
        }
    }

    private static Path collapsed(Stack stack, int clients) {
        return stack.runDirectory().resolve("budget-service-" + clients + "-clients.collapsed");
    }

    private static Connection connect(Stack stack, String database) {
        try {
            return stack.connect(database);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL did not answer", unreachable);
        }
    }

    /** CPU seconds budget-service (all its instances) and PostgreSQL used while the load was measured. */
    static class CpuWindow implements CommandLoad.Window {
        private final List<ServiceProcess> serviceProcesses;
        private final Path postgresData;
        double service;
        /** Of {@link #service}, the JIT compiler threads'. */
        double compilers;

        double postgres;

        CpuWindow(ServiceProcess service, Path postgresData) {
            this(List.of(service), postgresData);
        }

        CpuWindow(List<ServiceProcess> services, Path postgresData) {
            this.serviceProcesses = List.copyOf(services);
            this.postgresData = postgresData;
        }

        @Override
        public void opened() throws Exception {
            service = -sum(CpuTime::of);
            compilers = -sum(CpuTime::ofCompilers);
            postgres = -CpuTime.ofPostgres(postgresData);
        }

        @Override
        public void closed() throws Exception {
            service += sum(CpuTime::of);
            compilers += sum(CpuTime::ofCompilers);
            postgres += CpuTime.ofPostgres(postgresData);
        }

        /** {@code reading}'s seconds over all the service's processes. */
        private double sum(ProcessCpu reading) throws IOException {
            double seconds = 0;
            for (ServiceProcess process : serviceProcesses) {
                seconds += reading.seconds(process.pid());
            }
            return seconds;
        }

        /** A {@link CpuTime} reading of one process. */
        private interface ProcessCpu {
            double seconds(long pid) throws IOException;
        }
    }

    private Throughput() {}
}
