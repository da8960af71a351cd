package uk.gov.personalbudget.support.web;

import java.net.URI;

/**
 * A kind of refusal, named by a stable slug: a problem detail's {@code type} is {@link #PREFIX} and the slug, which
 * clients may rely on. Each service lists its own in an enum (and service-support the shared ones in {@link
 * SharedProblem}); {@link ProblemTypes} gathers them for the OpenAPI document, so it lists exactly the types the code
 * can answer.
 */
@FunctionalInterface
public interface ProblemType {

    /** The problem types' common prefix; the last segment is the rule's slug. */
    String PREFIX = "urn:personal-budget:problem:";

    /** Said by RFC 9457 for a problem with no semantics beyond its status: a status no type of ours names. */
    URI ABOUT_BLANK = URI.create("about:blank");

    String slug();

    default URI uri() {
        return URI.create(PREFIX + slug());
    }
}
