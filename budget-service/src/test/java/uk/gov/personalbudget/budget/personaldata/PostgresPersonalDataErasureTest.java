package uk.gov.personalbudget.budget.personaldata;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

/**
 * Events and keys on PostgreSQL, each in a database of its own as production keeps them; a snapshot every 5
 * events, so the lifecycle's snapshots are checked for personal text too.
 */
@SpringBootTest(properties = {"budget.publication.enabled=false", "budget.snapshot.threshold=5"})
@AutoConfigureMockMvc
@ActiveProfiles("local")
class PostgresPersonalDataErasureTest extends PersonalDataErasureContractTest {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.newDatabase().registerAsDataSource(registry);
        EmbeddedPostgresServer.Database keys = EmbeddedPostgresServer.newDatabase();
        registry.add("personal-data.keys.datasource.url", keys::url);
        registry.add("personal-data.keys.datasource.username", keys::username);
        registry.add("personal-data.keys.datasource.password", keys::password);
    }

    @Override
    int snapshotsExpected() {
        return 1;
    }
}
