package uk.gov.personalbudget.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code local} profile both services share H2 files through H2's automatic mixed mode, whose TCP server
 * accepts connections from other hosts (it is started with {@code -tcpAllowOthers}). Binding H2's servers to the
 * loopback address ({@code h2.bindAddress}, read before the first connection) keeps them to this machine.
 */
public class LocalH2OnLoopback implements EnvironmentPostProcessor {

    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("local")) && System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }
}
