package uk.gov.personalbudget.approval.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/** approval-service on an in-memory H2 of its own; every subclass shares the one context (and broker). */
public abstract class InMemoryApprovalServiceTest extends ApprovalServiceIntegrationTest {

    @DynamicPropertySource
    static void inMemoryDatabase(DynamicPropertyRegistry registry) {
        String name = "approval_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}
