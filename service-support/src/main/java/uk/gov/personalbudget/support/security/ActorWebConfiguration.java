package uk.gov.personalbudget.support.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.gov.personalbudget.contracts.value.Actor;

import java.util.List;

/** Lets controllers declare an {@link Actor} parameter, which the OpenAPI document does not show as input. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Councils.class)
public class ActorWebConfiguration implements WebMvcConfigurer {

    private final Councils councils;

    public ActorWebConfiguration(Councils councils) {
        this.councils = councils;
    }

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver(councils));
    }
}
