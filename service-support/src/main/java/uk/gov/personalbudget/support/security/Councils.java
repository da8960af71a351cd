package uk.gov.personalbudget.support.security;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import uk.gov.personalbudget.contracts.value.Council;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The councils this deployment serves ({@code security.councils.*}): a token naming another council is invalid, and
 * a budget is opened only for one of these. A SYSTEM caller whose token carries no {@code council} claim works in
 * the councils {@code system} names for its {@code sub} (e.g. {@code SECURITY_COUNCILS_SYSTEM_SCHEDULER=leeds,bristol}).
 *
 * @param served the council ids, e.g. {@code leeds,bristol}; adding one here (on both services) adds a council
 * @param system for SYSTEM callers without a council claim: their {@code sub} and the councils they work in
 */
@Validated
@ConfigurationProperties("security.councils")
public record Councils(
        @NotEmpty List<@Pattern(regexp = Council.PATTERN) String> served, Map<String, Set<String>> system) {

    public Councils {
        served = served == null ? List.of() : List.copyOf(served);
        system = system == null ? Map.of() : Map.copyOf(system);
    }

    public boolean serves(String council) {
        return served.contains(council);
    }

    /** The councils a SYSTEM caller without a council claim works in: only served ones, none when not configured. */
    public Set<String> systemScope(String sub) {
        Set<String> configured = system.getOrDefault(sub, Set.of());
        return Set.copyOf(configured.stream().filter(this::serves).toList());
    }
}
