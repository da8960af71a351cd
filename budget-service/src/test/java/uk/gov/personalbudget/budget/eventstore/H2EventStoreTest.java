package uk.gov.personalbudget.budget.eventstore;

import uk.gov.personalbudget.budget.support.LocalProfileTest;

/** The event store on H2, as the {@code local} profile runs it. */
@LocalProfileTest
class H2EventStoreTest extends EventStoreContractTest {

    @Override
    String binaryColumnType() {
        return "BINARY VARYING";
    }
}
