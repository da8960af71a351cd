package uk.gov.personalbudget.approval.projection.store;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.Period;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Binding and reading columns the same way on H2 and PostgreSQL: nulls with explicit types (so the driver
 * never asks the database for parameter metadata), instants as UTC {@code OffsetDateTime}.
 */
final class Columns {

    private Columns() {}

    /**
     * Binds one row's parameters in order: to a statement's parameters, or as the fields of a line of PostgreSQL's
     * COPY text format ({@link CopyText}), the same values either way.
     */
    static final class Binder {

        private final PreparedStatement statement;
        private final CopyText copy;
        private int index;

        Binder(PreparedStatement statement) {
            this.statement = statement;
            this.copy = null;
        }

        Binder(CopyText copy) {
            this.statement = null;
            this.copy = copy;
        }

        Binder integer(int value) throws SQLException {
            if (copy != null) {
                copy.field(Integer.toString(value));
            } else {
                statement.setInt(++index, value);
            }
            return this;
        }

        Binder number(Long value) throws SQLException {
            if (copy != null) {
                copy.field(value == null ? null : value.toString());
            } else if (value == null) {
                statement.setNull(++index, Types.BIGINT);
            } else {
                statement.setLong(++index, value);
            }
            return this;
        }

        Binder text(String value) throws SQLException {
            if (copy != null) {
                copy.field(value);
            } else if (value == null) {
                statement.setNull(++index, Types.VARCHAR);
            } else {
                statement.setString(++index, value);
            }
            return this;
        }

        Binder name(Enum<?> value) throws SQLException {
            return text(value == null ? null : value.name());
        }

        Binder text(Object value) throws SQLException {
            return text(value == null ? null : value.toString());
        }

        Binder flag(Boolean value) throws SQLException {
            if (copy != null) {
                copy.field(value == null ? null : value ? "t" : "f");
            } else if (value == null) {
                statement.setNull(++index, Types.BOOLEAN);
            } else {
                statement.setBoolean(++index, value);
            }
            return this;
        }

        Binder instant(Instant value) throws SQLException {
            if (copy != null) {
                copy.timestamp(value);
            } else if (value == null) {
                statement.setNull(++index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(++index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return this;
        }

        /** Two columns: pence and period. */
        Binder money(Money value) throws SQLException {
            number(value == null ? null : value.pence());
            return name(value == null ? null : value.period());
        }

        /** Two columns: party and actor id. */
        Binder holder(ControlHolder value) throws SQLException {
            name(value.party());
            return text(value.actorId());
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long number(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean flag(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static <E extends Enum<E>> E name(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static <T> T text(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : parse.apply(value);
    }

    static Money money(ResultSet rs, String prefix) throws SQLException {
        Long pence = number(rs, prefix + "_pence");
        return pence == null ? null : new Money(pence, name(rs, prefix + "_period", Period.class));
    }

    static ControlHolder holder(ResultSet rs, String prefix) throws SQLException {
        return new ControlHolder(name(rs, prefix + "_party", ControlParty.class), rs.getString(prefix + "_actor_id"));
    }
}
