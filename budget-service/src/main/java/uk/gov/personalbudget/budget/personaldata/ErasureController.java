package uk.gov.personalbudget.budget.personaldata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.personaldata.PersonKey;
import uk.gov.personalbudget.support.personaldata.PersonKeyStore;
import uk.gov.personalbudget.support.personaldata.PersonKeys;

import java.util.Set;

import static uk.gov.personalbudget.support.web.ApiProblemHandling.problem;

/**
 * The right to erasure by crypto-shredding: destroying the person's key makes every personal field of every
 * event of theirs unreadable, in the event store, on the Kafka topic and in approval-service, while the history,
 * the amounts and the control trail stay as they were.
 */
@RestController
@Tag(name = "Personal data")
public class ErasureController {

    private static final Logger log = LoggerFactory.getLogger(ErasureController.class);

    private final PersonKeys keys;
    private final PersonsCouncils councils;

    ErasureController(PersonKeys keys, PersonsCouncils councils) {
        this.keys = keys;
        this.councils = councils;
    }

    @PostMapping("/api/v1/persons/{ref}/erasure")
    @Operation(operationId = "erasePersonalData", summary = "Erase a person's personal data (AUTHORITY)",
            description = "Destroys the person's key: their personal fields read as [erased] from then on. A repeat "
                    + "answers 200 with the first erasure (alreadyErased true); 404 when the service holds no key "
                    + "for the person.")
    public PersonalDataErasure erase(@PathVariable PersonReference ref, @Parameter(hidden = true) Actor actor) {
        if (!actor.is(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the authority erases a person's personal data");
        }
        // A person with no budget of the caller's council is, to the caller, a person we hold nothing for.
        Set<String> personsCouncils = councils.councilsOf(ref);
        if (personsCouncils.stream().noneMatch(actor::serves)) {
            throw personNotFound(ref);
        }
        if (!personsCouncils.stream().allMatch(actor::serves)) {
            // One key seals the person's data at every council: one council alone does not destroy it.
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT,
                    "erasure-needs-every-council", "the person's personal data is also held for another council's"
                            + " budget: erasing it is agreed between the councils"), null);
        }
        PersonKeyStore.Erasure erasure = keys.erase(ref, actor.id()).orElseThrow(() -> personNotFound(ref));
        PersonKey erased = erasure.key();
        if (!erasure.alreadyErased()) {
            // The person's reference stays out of the log (the key store records whose key it was, and who erased it).
            log.info("personal data erased: key {} destroyed", erased.keyId());
        }
        return new PersonalDataErasure(erased.person(), erased.keyId(), erased.erasedAt(), erased.erasedBy(),
                erasure.alreadyErased());
    }

    private static ErrorResponseException personNotFound(PersonReference ref) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "person-not-found",
                "no personal data is held for person " + ref), null);
    }
}
