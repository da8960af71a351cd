package uk.gov.personalbudget.contracts.value;

/** The areas of life in which people reported outcomes from personal budgets. */
public enum OutcomeDomain {
    MENTAL_HEALTH_AND_WELLBEING,
    SOCIAL_PARTICIPATION_AND_RELATIONSHIPS,
    CONFIDENCE_AND_SKILLS,
    EMPLOYMENT_AND_LEARNING,
    PHYSICAL_HEALTH,
    DAILY_LIVING,
    OTHER
}
