package uk.gov.personalbudget.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A benchmark's {@code --name=value} flags, each with its default; an unknown flag is an error, not ignored. */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> known;

    Options(List<String> arguments, Set<String> known) {
        this.known = known;
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + argument);
            }
            String name = argument.substring(2, argument.indexOf('='));
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; this benchmark takes " + known);
            }
            values.put(name, argument.substring(argument.indexOf('=') + 1));
        }
    }

    int integer(String name, int fallback) {
        return values.containsKey(check(name)) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }

    List<Integer> integers(String name, List<Integer> fallback) {
        return values.containsKey(check(name))
                ? Arrays.stream(values.get(name).split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .toList()
                : fallback;
    }

    /** A comma-separated list of words. */
    List<String> list(String name, List<String> fallback) {
        return values.containsKey(check(name))
                ? Arrays.stream(values.get(name).split(",")).map(String::trim).toList()
                : fallback;
    }

    /** One value as written, or {@code fallback} (null: the flag is required). */
    String text(String name, String fallback) {
        if (values.containsKey(check(name))) {
            return values.get(name);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return fallback;
    }

    /** JVM options for the services, space-separated (e.g. to record a flight recording). */
    List<String> words(String name, List<String> fallback) {
        return values.containsKey(check(name)) ? List.of(values.get(name).trim().split("\\s+")) : fallback;
    }

    private String check(String name) {
        if (!known.contains(name)) {
            throw new IllegalStateException("flag --" + name + " is not declared");
        }
        return name;
    }
}
