package uk.gov.personalbudget.approval.projection.store;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** The projection store on an in-memory H2, the embedded default's database. */
class H2ProjectionStoreTest extends ProjectionStoreContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String name = "projections_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/{vendor}");
    }
}
