package uk.gov.personalbudget.approval.migration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * Migrates approval-service's projection database ({@code classpath:db/migration/{vendor}}), then exits. Run once
 * per release, before the new version starts (deploy/README.md, "Migrations"), so that replicas starting together
 * never race to migrate and the service itself can run with {@code APPROVAL_DB_MIGRATE=false}. The key store is
 * budget-service's to migrate.
 * <p>
 * It reads the same settings as the service ({@code application.yml}, so the same environment variables) but
 * starts nothing else: no web server, no Kafka consumer. Deliberately not a {@code @Configuration}, so the
 * service's component scan never picks it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class MigrateDatabase {

    /** Whatever APPROVAL_DB_MIGRATE says: migrating is this program's only purpose. */
    static final String FLYWAY_ENABLED = "--spring.flyway.enabled=true";

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(migrate(args)));
    }

    /** Migrates the projection database; the returned context is closed by the caller. */
    public static ConfigurableApplicationContext migrate(String... args) {
        SpringApplication application = new SpringApplication(MigrateDatabase.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] arguments = Arrays.copyOf(args, args.length + 1);
        arguments[args.length] = FLYWAY_ENABLED;
        return application.run(arguments);
    }
}
