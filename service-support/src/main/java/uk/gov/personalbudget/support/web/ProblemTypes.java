package uk.gov.personalbudget.support.web;

import io.swagger.v3.oas.models.media.Schema;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every problem type a service answers with: {@link SharedProblem}'s and the service's own. Each service declares
 * one as a bean; the OpenAPI document's {@code Problem.type} enum is made from it.
 */
public final class ProblemTypes {

    private final Set<URI> types = new LinkedHashSet<>();
    private final Map<String, Schema> members = new LinkedHashMap<>();

    private ProblemTypes() {
        types.add(ProblemType.ABOUT_BLANK);
        add(List.of(SharedProblem.values()));
    }

    /** The shared types and {@code own}, in that order. */
    public static ProblemTypes sharedAnd(Collection<? extends ProblemType> own) {
        return new ProblemTypes().add(own);
    }

    public ProblemTypes and(Collection<? extends ProblemType> more) {
        return add(more);
    }

    /** An extension member the service's problems carry besides the shared {@code field} and {@code errors}. */
    public ProblemTypes withMember(String name, Schema<?> schema) {
        members.put(name, schema);
        return this;
    }

    Map<String, Schema> members() {
        return members;
    }

    private ProblemTypes add(Collection<? extends ProblemType> more) {
        more.forEach(type -> types.add(type.uri()));
        return this;
    }

    /** The types' URIs, each once, in the order they were given. */
    public List<String> uris() {
        List<String> uris = new ArrayList<>();
        types.forEach(type -> uris.add(type.toString()));
        return uris;
    }
}
