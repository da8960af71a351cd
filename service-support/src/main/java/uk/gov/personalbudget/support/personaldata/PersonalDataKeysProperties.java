package uk.gov.personalbudget.support.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

import java.time.Duration;

/**
 * {@code personal-data.keys.*}: where the persons' keys are kept, and for how long a service may trust a key it
 * has read.
 *
 * @param datasource the key store's database, never the service's own
 * @param migrate    whether this service creates and migrates the key store's schema (budget-service, which
 *                   makes the keys); approval-service only reads and may run on a read-only account
 * @param cacheTtl   how long a key read from the store is used without reading it again; also how long another
 *                   process may go on decrypting with a key after it was destroyed
 */
@ConfigurationProperties("personal-data.keys")
public record PersonalDataKeysProperties(
        Datasource datasource,
        @DefaultValue("false") boolean migrate,
        @DefaultValue("30s") Duration cacheTtl) {

    public PersonalDataKeysProperties {
        Assert.isTrue(
                datasource != null
                        && datasource.url() != null
                        && !datasource.url().isBlank(),
                "personal-data.keys.datasource.url is required: the database holding the persons' keys");
        Assert.isTrue(cacheTtl != null && !cacheTtl.isNegative(), "personal-data.keys.cache-ttl must be 0 or more");
    }

    /**
     * @param url             JDBC URL of the key store
     * @param username        its account
     * @param password        its password
     * @param maximumPoolSize connections at most
     */
    public record Datasource(
            String url,
            String username,
            String password,
            @DefaultValue("4") int maximumPoolSize) {

        @Override
        public String toString() {
            return "Datasource[url=" + url + ", username=" + username + ", password=(hidden)]";
        }
    }
}
