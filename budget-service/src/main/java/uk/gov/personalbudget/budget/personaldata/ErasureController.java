package uk.gov.personalbudget.budget.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;

/** Erasing a person's personal data, by two authorities ({@link Erasures}). */
@RestController
@Tag(name = "Personal data")
class ErasureController {

    static final String REQUESTS = "/api/v1/persons/{ref}/erasure-requests";

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping(REQUESTS)
    @Operation(
            operationId = "requestErasure",
            summary = "Request the erasure of a person's personal data (AUTHORITY)",
            description = "Every budget of the person must be closed (409 erasure-needs-closed-budgets, naming the "
                    + "open ones). Another authority confirms the request before it expires "
                    + "(personal-data.erasure.request-expiry). 404 person-not-found when no budget of the caller's "
                    + "council is the person's, as for a reference never used.")
    public ResponseEntity<ErasureRequestView> request(
            @PathVariable PersonReference ref,
            @Valid @RequestBody ErasureRequestBody body,
            @Parameter(hidden = true) Actor actor) {
        ErasureRequestView requested = erasures.request(ref, body.reason(), actor);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(requested.id())
                        .toUri())
                .body(requested);
    }

    @GetMapping(REQUESTS + "/{requestId}")
    @Operation(operationId = "getErasureRequest", summary = "An erasure request, with its reason (AUTHORITY)")
    public ErasureRequestView show(
            @PathVariable PersonReference ref, @PathVariable String requestId, @Parameter(hidden = true) Actor actor) {
        return erasures.show(ref, requestId, actor);
    }

    @PostMapping(REQUESTS + "/{requestId}/confirmation")
    @Operation(
            operationId = "confirmErasure",
            summary = "Confirm an erasure request (AUTHORITY, not the requester)",
            description = "Records PersonalDataErasureConfirmed on each of the person's budgets and destroys the "
                    + "person's key: their personal fields read [erased] from then on. A repeat answers the same "
                    + "erasure. 403 erasure-needs-a-second-authority for the requester; 409 erasure-request-expired.")
    public PersonalDataErasure confirm(
            @PathVariable PersonReference ref, @PathVariable String requestId, @Parameter(hidden = true) Actor actor) {
        return erasures.confirm(ref, requestId, actor);
    }
}
