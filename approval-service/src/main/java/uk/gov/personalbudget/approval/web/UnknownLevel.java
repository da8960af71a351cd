package uk.gov.personalbudget.approval.web;

import java.util.List;

/** The queue was asked for a level the council's scheme of authorisation does not have. */
public class UnknownLevel extends RuntimeException {

    private final List<String> levels;

    public UnknownLevel(String level, List<String> levels) {
        super("no authorisation level " + level);
        this.levels = List.copyOf(levels);
    }

    List<String> levels() {
        return levels;
    }
}
