package uk.gov.personalbudget.budget.personaldata;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.budget.lifecycle.BudgetRuleViolation;
import uk.gov.personalbudget.budget.lifecycle.Rule;
import uk.gov.personalbudget.budget.personaldata.PersonBudgetIndex.PersonsBudget;
import uk.gov.personalbudget.budget.problem.BudgetProblem;
import uk.gov.personalbudget.budget.trace.TraceContexts;
import uk.gov.personalbudget.budget.trace.TraceParent;
import uk.gov.personalbudget.contracts.command.RecordErasure;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.personaldata.PersonKey;
import uk.gov.personalbudget.support.personaldata.PersonKeyStore;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;
import uk.gov.personalbudget.support.personaldata.PersonalDataUnavailable;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static uk.gov.personalbudget.support.web.ApiProblemHandling.problem;

/**
 * The right to erasure by crypto-shredding, decided by two authorities: one requests it with a reason, another
 * confirms it before the request expires. Confirming records {@code PersonalDataErasureConfirmed} on every budget of
 * the person, all closed, in one transaction with the request's confirmation, and then destroys the person's key:
 * every personal field of every event of theirs reads {@code [erased]} from then on, in the event store, on the topic
 * and in approval-service, while the history, the amounts and the control trail stay as they were.
 * <p>
 * Should destroying the key fail after that transaction (the key store is a database of its own), the answer is the
 * key store's 503 and a repeated confirmation finishes it, recording nothing twice.
 * <p>
 * To a caller who may not know the person (an authority of no council the person has a budget with), a person
 * reference is unknown, exactly as one never used: nothing tells them the person exists.
 */
@Service
class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final PersonBudgetIndex index;
    private final ErasureRequests requests;
    private final PersonKeys keys;
    private final PersonalDataReader reader;
    private final BudgetHistory history;
    private final CommandGateway commands;
    private final TraceContexts traces;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ErasureProperties properties;

    Erasures(
            PersonBudgetIndex index,
            ErasureRequests requests,
            PersonKeys keys,
            PersonalDataReader reader,
            BudgetHistory history,
            CommandGateway commands,
            TraceContexts traces,
            TransactionTemplate transaction,
            Clock clock,
            ErasureProperties properties) {
        this.index = index;
        this.requests = requests;
        this.keys = keys;
        this.reader = reader;
        this.history = history;
        this.commands = commands;
        this.traces = traces;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
    }

    /** The first authority asks for the erasure, with a reason; it waits for a second one's confirmation. */
    public ErasureRequestView request(PersonReference person, String reason, Actor actor) {
        List<BudgetId> budgets = budgetsErasableBy(actor, person);
        Instant now = clock.instant();
        requests.awaitingConfirmation(person, now).ifPresent(pending -> {
            ProblemDetail problem = problem(
                    HttpStatus.CONFLICT,
                    BudgetProblem.ERASURE_ALREADY_REQUESTED,
                    "an erasure of this person's personal data already awaits confirmation until " + pending.expiresAt()
                            + ": confirm that request, or let it expire");
            problem.setProperty("requestId", pending.id());
            throw refused(problem);
        });
        // Refuses (409 personal-data-erased) when the key is already destroyed: erasure is final.
        PersonKey key = keys.forSealing(person);
        var stored = new ErasureRequests.Stored(
                UUID.randomUUID().toString(),
                person,
                PersonalDataCipher.seal(key.keyId(), key.secretKey(), reason),
                actor.id(),
                ErasureRequests.truncated(now),
                ErasureRequests.truncated(now.plus(properties.requestExpiry())),
                null,
                null);
        requests.add(stored);
        return view(stored, budgets, now);
    }

    /** A request as it stands, with its reason: what the second authority reads before confirming. */
    public ErasureRequestView show(PersonReference person, String requestId, Actor actor) {
        List<BudgetId> budgets = budgetsOf(actor, person);
        return view(find(person, requestId), budgets, clock.instant());
    }

    /**
     * A second authority confirms the request: the erasure is recorded on each budget and the key destroyed. A
     * repeat answers the same erasure (and finishes destroying the key, had that failed).
     */
    public PersonalDataErasure confirm(PersonReference person, String requestId, Actor actor) {
        List<BudgetId> budgets = budgetsOf(actor, person);
        ErasureRequests.Stored request = find(person, requestId);
        if (!request.isConfirmed()) {
            recordConfirmation(request, actor, budgets);
            request = find(person, requestId);
        }
        PersonKeyStore.Erasure destroyed = keys.erase(person, request.confirmedBy())
                .orElseThrow(() -> new PersonalDataUnavailable(
                        "the key store holds no key for a person with budgets: is this service "
                                + "pointed at the key store that sealed their data?"));
        if (!destroyed.alreadyErased()) {
            // The person's reference stays out of the log: the key store records whose key it was.
            log.info(
                    "personal data erased: key {} destroyed by request {}",
                    destroyed.key().keyId(),
                    request.id());
        }
        return new PersonalDataErasure(
                person,
                request.id(),
                destroyed.key().keyId(),
                request.requestedBy(),
                request.requestedAt(),
                request.confirmedBy(),
                destroyed.key().erasedAt(),
                budgets);
    }

    private void recordConfirmation(ErasureRequests.Stored request, Actor actor, List<BudgetId> budgets) {
        Instant now = clock.instant();
        if (request.isExpiredAt(now)) {
            throw refused(problem(
                    HttpStatus.CONFLICT,
                    BudgetProblem.ERASURE_REQUEST_EXPIRED,
                    "the erasure request expired at " + request.expiresAt()
                            + " without a confirmation: a new request is needed"));
        }
        if (actor.id().equals(request.requestedBy())) {
            throw new BudgetRuleViolation(
                    Rule.ERASURE_NEEDS_A_SECOND_AUTHORITY,
                    "an erasure is confirmed by an authority other than the one who requested it");
        }
        requireClosed(budgets);
        Erasure erasure = new Erasure(
                request.id(),
                request.requestedBy(),
                request.requestedAt(),
                keys.forSealing(request.person()).keyId());
        // The confirmation and the budgets' events commit together, or none of them does (each command's unit of
        // work joins this transaction); only the first of two confirmations at once records anything.
        transaction.executeWithoutResult(status -> {
            if (requests.confirm(request.id(), actor.id(), now)) {
                // Each event carries the request's trace, as every command's does (BudgetCommands).
                var trace = Map.of(
                        TraceParent.METADATA_KEY,
                        traces.current().orElseGet(TraceParent::random).value());
                budgets.forEach(budget -> commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(new RecordErasure(budget, actor, erasure))
                                .andMetaData(trace)));
            }
        });
    }

    /** {@link #budgetsOf}, all closed. */
    private List<BudgetId> budgetsErasableBy(Actor actor, PersonReference person) {
        List<BudgetId> budgets = budgetsOf(actor, person);
        requireClosed(budgets);
        return budgets;
    }

    /**
     * The person's budgets, to an authority who may erase their data: one of a council the person has a budget
     * with, who also serves every other council the person has budgets with.
     */
    private List<BudgetId> budgetsOf(Actor actor, PersonReference person) {
        if (!actor.is(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the authority erases a person's personal data");
        }
        List<PersonsBudget> budgets = index.budgetsOf(person);
        if (budgets.stream().noneMatch(budget -> actor.serves(budget.council()))) {
            throw personNotFound(person);
        }
        if (!budgets.stream().allMatch(budget -> actor.serves(budget.council()))) {
            // One key seals the person's data at every council: one council alone does not destroy it.
            throw refused(problem(
                    HttpStatus.CONFLICT,
                    BudgetProblem.ERASURE_NEEDS_EVERY_COUNCIL,
                    "the person's personal data is also held for another council's"
                            + " budget: erasing it is agreed between the councils"));
        }
        return budgets.stream().map(PersonsBudget::budget).toList();
    }

    private void requireClosed(List<BudgetId> budgets) {
        List<BudgetId> open = budgets.stream()
                .filter(budget -> history.current(budget).status() != BudgetStatus.CLOSED)
                .toList();
        if (!open.isEmpty()) {
            ProblemDetail problem = problem(
                    HttpStatus.CONFLICT,
                    Rule.ERASURE_NEEDS_CLOSED_BUDGETS::slug,
                    "a person's personal data is erased only once every budget of theirs is closed; " + open.size()
                            + " of " + budgets.size() + " are not");
            problem.setProperty(
                    "openBudgets", open.stream().map(BudgetId::value).toList());
            throw refused(problem);
        }
    }

    private ErasureRequests.Stored find(PersonReference person, String requestId) {
        return requests.find(requestId, person)
                .orElseThrow(() -> refused(problem(
                        HttpStatus.NOT_FOUND,
                        BudgetProblem.ERASURE_REQUEST_NOT_FOUND,
                        "no erasure request " + requestId + " for this person")));
    }

    private ErasureRequestView view(ErasureRequests.Stored request, List<BudgetId> budgets, Instant now) {
        ErasureRequestView.Status status = request.isConfirmed()
                ? ErasureRequestView.Status.CONFIRMED
                : request.isExpiredAt(now)
                        ? ErasureRequestView.Status.EXPIRED
                        : ErasureRequestView.Status.AWAITING_CONFIRMATION;
        return new ErasureRequestView(
                request.id(),
                request.person(),
                reader.reveal(request.sealedReason()),
                request.requestedBy(),
                request.requestedAt(),
                request.expiresAt(),
                status,
                request.confirmedBy(),
                request.confirmedAt(),
                budgets);
    }

    private static ErrorResponseException personNotFound(PersonReference person) {
        return refused(problem(
                HttpStatus.NOT_FOUND, BudgetProblem.PERSON_NOT_FOUND, "no personal data is held for person " + person));
    }

    /** The request refused with {@code problem}, at its status. */
    private static ErrorResponseException refused(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
    }
}
