package uk.gov.personalbudget.approval.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.approval.support.ApprovalServiceIntegrationTest;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

import java.sql.Connection;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LifecycleArrivalContract} on PostgreSQL, the production database. */
@DirtiesContext
class PostgresKafkaIntakeTest extends ApprovalServiceIntegrationTest implements LifecycleArrivalContract {

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.newDatabase().registerAsDataSource(registry);
    }

    @Test
    void theProjectionsAreInPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
