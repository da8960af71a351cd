package uk.gov.personalbudget.support.idempotency;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

/** A fresh in-memory H2 database holding the services' {@code idempotent_request} table. */
final class KeyTable {

    private KeyTable() {}

    static JdbcTemplate create() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("idempotent_request-h2.sql")).execute(dataSource);
        return new JdbcTemplate(dataSource);
    }

    static int rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + JdbcIdempotencyStore.TABLE, Integer.class);
    }
}
