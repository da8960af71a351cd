package uk.gov.personalbudget.contracts.command;

import uk.gov.personalbudget.contracts.value.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may send a command at all: the one place they are written. budget-service refuses any other role
 * before the command's rules ({@code role-not-allowed}), its OpenAPI document states them for each command's
 * operation, and the access matrix test holds docs/security.md's table to them. Whether a role allowed here may act
 * on a given budget is then the budget's to decide (its relationship to the caller, and {@link #condition}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowedRoles {

    /** The condition of the acts that move a budget on for the person (DOMAIN.md, "Who holds control"). */
    String IN_THE_PERSONS_PLACE = "whoever stands in the person's place: the person, or the named delegate or "
            + "authorised person in force";

    Role[] value();

    /** What narrows the roles on a given budget, in words, when anything does. */
    String condition() default "";
}
