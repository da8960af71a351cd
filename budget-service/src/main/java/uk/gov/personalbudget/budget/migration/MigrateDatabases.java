package uk.gov.personalbudget.budget.migration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import uk.gov.personalbudget.support.personaldata.PersonKeyStore;
import uk.gov.personalbudget.support.personaldata.PersonalDataKeysProperties;

import java.util.Arrays;

/**
 * Migrates budget-service's two databases, then exits: the event store ({@code classpath:db/migration/{vendor}})
 * and the personal data key store ({@code classpath:db/keys/{vendor}}). Run once per release, before the new
 * version starts (deploy/README.md, "Migrations"), so that replicas starting together never race to migrate
 * and the service itself can run with {@code BUDGET_DB_MIGRATE=false} on an account that may not alter the schema.
 * <p>
 * It reads the same settings as the service ({@code application.yml}, so the same environment variables) but
 * starts nothing else: no web server, no Axon, no Kafka. Deliberately not a {@code @Configuration}, so the
 * service's component scan never picks it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(PersonalDataKeysProperties.class)
public class MigrateDatabases {

    /** Whatever BUDGET_DB_MIGRATE says: migrating is this program's only purpose. */
    static final String FLYWAY_ENABLED = "--spring.flyway.enabled=true";

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(migrate(args)));
    }

    /** Migrates both databases; the returned context is closed by the caller. */
    public static ConfigurableApplicationContext migrate(String... args) {
        SpringApplication application = new SpringApplication(MigrateDatabases.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] arguments = Arrays.copyOf(args, args.length + 1);
        arguments[args.length] = FLYWAY_ENABLED;
        return application.run(arguments);
    }

    /** Opening the key store with migrate true runs its migrations; closing it releases its pool. */
    @Bean(destroyMethod = "close")
    PersonKeyStore migratedPersonKeyStore(PersonalDataKeysProperties properties) {
        return PersonKeyStore.open(properties.datasource(), true);
    }
}
