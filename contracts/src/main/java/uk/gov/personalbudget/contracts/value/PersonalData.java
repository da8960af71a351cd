package uk.gov.personalbudget.contracts.value;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks free text that can identify a person (a {@code String}, or a list of strings). budget-service stores
 * it in events encrypted with the person's own key, so that destroying the key erases it everywhere the
 * events went, without rewriting history (docs/security.md, "Personal data and erasure"). On the Kafka topic
 * such a field holds {@code pd:v1:<keyId>:<ciphertext>} rather than the text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {}
