package uk.gov.personalbudget.approval.projection.store;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

/** The projection store on a real PostgreSQL, as production runs it. */
class PostgresProjectionStoreTest extends ProjectionStoreContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.newDatabase().registerAsDataSource(registry);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/{vendor}");
    }
}
