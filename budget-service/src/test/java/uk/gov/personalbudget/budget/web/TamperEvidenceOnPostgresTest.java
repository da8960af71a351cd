package uk.gov.personalbudget.budget.web;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.gov.personalbudget.testsupport.EmbeddedPostgresServer;

/** Tamper evidence on a real PostgreSQL (bytea payloads), with the {@code local} profile's development tokens. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@TestPropertySource(properties = "budget.publication.enabled=false")
class TamperEvidenceOnPostgresTest extends TamperEvidenceContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.newDatabase().registerAsDataSource(registry);
    }
}
