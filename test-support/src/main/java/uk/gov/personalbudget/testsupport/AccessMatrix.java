package uk.gov.personalbudget.testsupport;

import uk.gov.personalbudget.contracts.access.Relationship;
import uk.gov.personalbudget.contracts.value.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "Access matrix" of docs/security.md: the relationship table (which relationship to a budget lets each role
 * see it) and the endpoint table (what each role may do on a budget it may see).
 */
public final class AccessMatrix {

    static final Path DOCUMENT = Path.of("..", "docs", "security.md");
    static final Set<String> CELLS = Set.of("yes", "self", "named", "agreement", "limit", "crisis", "no");
    /** The relationship table's rows, by the words each row's first cell starts with. */
    private static final Map<String, Relationship> RELATIONSHIP_ROWS = Map.of(
            "own", Relationship.OWN,
            "allocated", Relationship.ALLOCATED,
            "named delegate", Relationship.NAMED_DELEGATE,
            "stranger in the same council", Relationship.SAME_COUNCIL,
            "another council", Relationship.OTHER_COUNCIL);

    /** One endpoint and what each role may do there. */
    public record Row(String service, String method, String path, Map<Role, String> cells) {

        public String endpoint() {
            return method + " " + path;
        }
    }

    private AccessMatrix() {}

    /**
     * Whether a role sees a budget it stands in {@code relationship} to: true ("sees"), false ("nothing"), or empty
     * when the role cannot stand in that relationship ("–").
     */
    public static Optional<Boolean> sees(Role role, Relationship relationship) {
        String cell = relationships().get(relationship).get(role);
        if (cell.startsWith("sees")) {
            return Optional.of(true);
        }
        if (cell.equals("nothing")) {
            return Optional.of(false);
        }
        if (cell.equals("–")) {
            return Optional.empty();
        }
        throw new IllegalStateException("'" + cell + "' is not a cell of the relationship table (sees, nothing, –)");
    }

    /** The relationships a role can stand in to a budget, in the table's order. */
    public static List<Relationship> relationshipsOf(Role role) {
        return Arrays.stream(Relationship.values())
                .filter(relationship -> sees(role, relationship).isPresent())
                .toList();
    }

    static Map<Relationship, Map<Role, String>> relationships() {
        List<String> lines = lines();
        Map<Relationship, Map<Role, String>> table = new EnumMap<>(Relationship.class);
        List<String> header = null;
        for (String line : lines.subList(lines.indexOf("### Who may see a budget") + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            Relationship relationship = RELATIONSHIP_ROWS.entrySet().stream()
                    .filter(row -> cells.get(0).startsWith(row.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("an unknown relationship row: " + line));
            Map<Role, String> byRole = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                byRole.put(role, cells.get(header.indexOf(role.name())));
            }
            table.put(relationship, byRole);
        }
        if (table.size() != Relationship.values().length) {
            throw new IllegalStateException(DOCUMENT + " has no complete '### Who may see a budget' table");
        }
        return table;
    }

    /** The rows of one service, in the document's order. */
    public static List<Row> rows(String service) {
        return all().stream().filter(row -> row.service().equals(service)).toList();
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT.toAbsolutePath(), e);
        }
    }

    static List<Row> all() {
        List<String> lines = lines();
        int section = lines.indexOf("## Access matrix");
        if (section < 0) {
            throw new IllegalStateException(DOCUMENT + " has no '## Access matrix' section");
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (header != null && !rows.isEmpty()) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                if (cells.containsAll(List.of("service", "method", "path"))) {
                    header = cells;
                }
            } else if (!cells.get(0).startsWith("---")) {
                rows.add(row(header, cells, line));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("the access matrix in " + DOCUMENT + " has no rows");
        }
        return rows;
    }

    private static Row row(List<String> header, List<String> cells, String line) {
        if (cells.size() != header.size()) {
            throw new IllegalStateException("a row of the access matrix has " + cells.size() + " cells, the header "
                    + header.size() + ": " + line);
        }
        Map<Role, String> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            int column = header.indexOf(role.name());
            if (column < 0) {
                throw new IllegalStateException("the access matrix has no column for " + role);
            }
            String cell = cells.get(column);
            if (!CELLS.contains(cell)) {
                throw new IllegalStateException(
                        "'" + cell + "' is not a cell of the access matrix's vocabulary " + CELLS + ": " + line);
            }
            byRole.put(role, cell);
        }
        return new Row(
                cells.get(header.indexOf("service")),
                cells.get(header.indexOf("method")),
                cells.get(header.indexOf("path")),
                byRole);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1))
                .map(String::strip)
                .map(AccessMatrix::unquote)
                .toList();
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }
}
