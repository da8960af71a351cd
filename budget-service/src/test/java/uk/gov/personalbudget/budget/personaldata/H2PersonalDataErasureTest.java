package uk.gov.personalbudget.budget.personaldata;

import uk.gov.personalbudget.budget.support.LocalProfileTest;

/** Events on H2 and the key store on H2, as the {@code local} profile runs them. */
@LocalProfileTest
class H2PersonalDataErasureTest extends PersonalDataErasureContractTest {}
