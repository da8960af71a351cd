package uk.gov.personalbudget.approval.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.Money;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Trails and decisions as CSV (RFC 4180, with a header row, columns in reading order) for auditors' spreadsheets.
 * Every text cell that a spreadsheet would read as a formula is neutralised ({@link #cell}): reasons and ids are
 * written by callers, and a cell such as {@code =HYPERLINK(...)} must stay text when an auditor opens the file.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CsvExport() {}

    @JsonPropertyOrder({
        "budgetId",
        "sequence",
        "fromParty",
        "fromActor",
        "toParty",
        "toActor",
        "at",
        "event",
        "actor",
        "actorRole",
        "onBehalfOf",
        "reason",
        "heldForSeconds"
    })
    record TrailRow(
            String budgetId,
            long sequence,
            String fromParty,
            String fromActor,
            String toParty,
            String toActor,
            Instant at,
            String event,
            String actor,
            String actorRole,
            String onBehalfOf,
            String reason,
            Long heldForSeconds) {

        static TrailRow of(ControlTrailEntry entry) {
            return new TrailRow(
                    cell(entry.budgetId().value()),
                    entry.sequence(),
                    party(entry.from()),
                    cell(actorId(entry.from())),
                    party(entry.to()),
                    cell(actorId(entry.to())),
                    entry.at(),
                    entry.event(),
                    cell(entry.actor()),
                    String.valueOf(entry.actorRole()),
                    cell(text(entry.onBehalfOf())),
                    cell(entry.reason()),
                    entry.heldForSeconds());
        }
    }

    @JsonPropertyOrder({
        "budgetId",
        "sequence",
        "kind",
        "at",
        "actor",
        "actorRole",
        "onBehalfOf",
        "outcome",
        "reasons",
        "detail",
        "amountPence",
        "amountPeriod",
        "personTookPart",
        "personToldBy",
        "personStatementAdded",
        "waitedSeconds"
    })
    record DecisionRow(
            String budgetId,
            long sequence,
            String kind,
            Instant at,
            String actor,
            String actorRole,
            String onBehalfOf,
            String outcome,
            String reasons,
            String detail,
            Long amountPence,
            String amountPeriod,
            Boolean personTookPart,
            String personToldBy,
            Boolean personStatementAdded,
            Long waitedSeconds) {

        static DecisionRow of(Decision decision) {
            Money amount = decision.amount();
            return new DecisionRow(
                    cell(decision.budgetId().value()),
                    decision.sequence(),
                    decision.kind().name(),
                    decision.at(),
                    cell(decision.actor()),
                    String.valueOf(decision.actorRole()),
                    cell(text(decision.onBehalfOf())),
                    cell(decision.outcome()),
                    cell(decision.reasons()),
                    cell(decision.detail()),
                    amount == null ? null : amount.pence(),
                    amount == null ? null : amount.period().name(),
                    decision.personTookPart(),
                    decision.personToldBy() == null
                            ? null
                            : decision.personToldBy().name(),
                    decision.personStatementAdded(),
                    decision.waitedSeconds());
        }
    }

    public static String trail(List<ControlTrailEntry> entries) {
        return write(TrailRow.class, entries.stream().map(TrailRow::of).toList());
    }

    public static String decisions(List<Decision> decisions) {
        return write(DecisionRow.class, decisions.stream().map(DecisionRow::of).toList());
    }

    private static <T> String write(Class<T> rowType, List<T> rows) {
        try {
            return CSV.writer(CSV.schemaFor(rowType).withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * Text as a spreadsheet shows it but never evaluates: a cell starting with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe (OWASP's advice on CSV injection); any other text is kept exactly.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static String party(ControlHolder holder) {
        return holder == null ? null : holder.party().name();
    }

    private static String actorId(ControlHolder holder) {
        return holder == null ? null : holder.actorId();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
