package uk.gov.personalbudget.benchmarks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ./benchmarks/run <benchmark> [--flag=value ...]}: each benchmark starts the real product
 * (PostgreSQL, Kafka, the services' jars), prints its figures and its ratio to a reference measured in the same
 * run, and stops everything. See docs/benchmarks.md.
 */
public final class Benchmarks {

    private static final String USAGE = """
            usage: ./benchmarks/run <benchmark> [--flag=value ...]
              throughput    commands/s and latency at 8, 32, 64 clients beside pgbench  --clients=8,32,64 --warm-up=10 --jit-warm-up=0 --seconds=20 --profile=false
              out-of-box    shipped settings vs Axon's defaults                          --clients=32 --warm-up=10 --seconds=20
              lag           command 2xx to approval-service's control trail              --rates=100,500 --clients=64 --warm-up=10 --jit-warm-up=0 --seconds=30
              long-history  a budget with 10,000 events vs ones with 10                  --events=10000 --samples=100
              footprint     start-up time and resident memory, idle and under load       --clients=32 --idle=20 --seconds=30
              replay        approval-service's replay vs a plain KafkaConsumer          --events=1000000 --seed-seconds=20
              scale-out     1, 2, 3 budget-service instances, round robin or by budget  --instances=1,2,3 --routing=round-robin,by-budget --clients=32 --warm-up=10 --seconds=20 --jit-warm-up=30
              breakdown     where the CPU went, from a profile throughput --profile=true wrote  --collapsed=<file> --commands=<n>
            every benchmark but breakdown also takes --service-jvm="<JVM options for the services>" (default -Xmx512m)
              --postgres="<name=value PostgreSQL settings>" (e.g. log_autovacuum_min_duration=0),
              --cds=true (the images' class data sharing; false: the packaged jars without it)
              and --aot-cache=<directory> (JDK 25's ahead-of-time cache)""";

    public static void main(String[] arguments) throws Exception {
        if (arguments.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<String> flags = Arrays.asList(arguments).subList(1, arguments.length);
        System.out.println(arguments[0] + " at " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        switch (arguments[0]) {
            case "throughput" -> Throughput.run(new Options(flags, Throughput.FLAGS));
            case "out-of-box" -> OutOfTheBox.run(new Options(flags, OutOfTheBox.FLAGS));
            case "lag" -> EndToEndLag.run(new Options(flags, EndToEndLag.FLAGS));
            case "long-history" -> LongHistory.run(new Options(flags, LongHistory.FLAGS));
            case "footprint" -> Footprint.run(new Options(flags, Footprint.FLAGS));
            case "replay" -> Replay.run(new Options(flags, Replay.FLAGS));
            case "scale-out" -> ScaleOut.run(new Options(flags, ScaleOut.FLAGS));
            case "breakdown" -> ProfileBreakdown.run(new Options(flags, ProfileBreakdown.FLAGS));
            default -> {
                System.err.println("unknown benchmark " + arguments[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private Benchmarks() {}
}
