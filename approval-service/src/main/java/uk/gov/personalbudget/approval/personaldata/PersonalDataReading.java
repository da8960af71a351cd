package uk.gov.personalbudget.approval.personaldata;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import uk.gov.personalbudget.support.personaldata.PersonalDataConfiguration;

/**
 * approval-service reads the persons' keys that budget-service makes ({@code personal-data.keys.*}, read only).
 * The projections keep personal text as it arrived (sealed); it is revealed only as it is read out
 * ({@link RevealedHistory}), so an erasure needs no message to this service and a replay after it gives the same
 * erased answers.
 */
@Configuration(proxyBeanMethods = false)
@Import(PersonalDataConfiguration.class)
class PersonalDataReading {}
