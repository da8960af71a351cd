package uk.gov.personalbudget.support.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import uk.gov.personalbudget.contracts.value.Actor;

/**
 * Gives a controller method's {@link Actor} parameter the caller described by their token, so who acts is
 * never taken from a request body.
 */
public final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final Councils councils;

    public ActorArgumentResolver(Councils councils) {
        this.councils = councils;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return currentActor();
    }

    /** The authenticated caller; the token validator has already checked the claims this reads. */
    public Actor currentActor() {
        Authentication authentication =
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationCredentialsNotFoundException("No bearer token authenticates this request");
        }
        return ActorClaims.actorOf(token.getToken(), councils);
    }
}
