package uk.gov.personalbudget.contracts.value;

/** How a support plan was made; co-produced and peer-supported planning worked best in the research. */
public enum PlanningApproach {
    SELF,
    CO_PRODUCED,
    PEER_SUPPORTED,
    FAMILY_SUPPORTED
}
