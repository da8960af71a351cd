package uk.gov.personalbudget.contracts.command;

import uk.gov.personalbudget.contracts.value.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a command's {@link AllowedRoles}. */
public final class CommandRoles {

    private static final ClassValue<Set<Role>> ROLES = new ClassValue<>() {
        @Override
        protected Set<Role> computeValue(Class<?> command) {
            return Set.copyOf(EnumSet.copyOf(Arrays.asList(annotationOf(command).value())));
        }
    };

    private CommandRoles() {}

    /** The roles that may send {@code command} at all. */
    public static Set<Role> of(Class<? extends BudgetCommand> command) {
        return ROLES.get(command);
    }

    /** Whether {@code role} may send {@code command} at all. */
    public static boolean allows(Class<? extends BudgetCommand> command, Role role) {
        return ROLES.get(command).contains(role);
    }

    /** The roles in the order of {@link Role}, and the condition if any: "PERSON, NOMINEE; while named". */
    public static String describe(Class<? extends BudgetCommand> command) {
        AllowedRoles allowed = annotationOf(command);
        String roles = EnumSet.copyOf(Arrays.asList(allowed.value())).stream()
                .map(Role::name)
                .collect(Collectors.joining(", "));
        return allowed.condition().isEmpty() ? roles : roles + "; " + allowed.condition();
    }

    private static AllowedRoles annotationOf(Class<?> command) {
        AllowedRoles allowed = command.getAnnotation(AllowedRoles.class);
        if (allowed == null || allowed.value().length == 0) {
            throw new IllegalStateException(command.getName() + " names no roles that may send it (@AllowedRoles)");
        }
        return allowed;
    }
}
