package uk.gov.personalbudget.budget.web;

import uk.gov.personalbudget.budget.support.LocalProfileTest;

/** Tamper evidence on H2, as the {@code local} profile runs it. */
@LocalProfileTest
class TamperEvidenceOnH2Test extends TamperEvidenceContractTest {}
