package uk.gov.personalbudget.approval.projection.store;

import java.util.Map;

/**
 * How two generations differ: for each projection table, how many rows one generation has that the other
 * has not (both ways, every column but the generation compared).
 */
public record GenerationComparison(int a, int b, Map<String, Long> differingRows) {

    public GenerationComparison {
        differingRows = Map.copyOf(differingRows);
    }

    public boolean identical() {
        return differingRows.values().stream().allMatch(count -> count == 0);
    }
}
