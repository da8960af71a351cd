package uk.gov.personalbudget.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActorClaimsTest {

    @Test
    void readsEveryClaimOfAnActor() {
        Jwt jwt = jwt(Map.of("sub", "nominee-1", "role", "NOMINEE", "person", "P-9", "authorisation_limit", 1200L));

        assertThat(ActorClaims.actorOf(jwt))
                .isEqualTo(new Actor("nominee-1", Role.NOMINEE, new PersonReference("P-9"), 1200L));
    }

    @Test
    void personAndLimitAreOptional() {
        assertThat(ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "SYSTEM"))))
                .isEqualTo(Actor.of("s", Role.SYSTEM));
    }

    @Test
    void acceptsWholeNumbersOfAnyJsonNumberType() {
        assertThat(limitOf(7)).isEqualTo(7L);
        assertThat(limitOf(7.0d)).isEqualTo(7L);
        assertThat(limitOf(BigInteger.valueOf(7))).isEqualTo(7L);
    }

    @Test
    void rejectsLimitsThatAreNotWholeNonNegativePence() {
        for (Object bad : new Object[] {-1L, 1.5d, "100", BigInteger.TWO.pow(70)}) {
            assertThatIllegalArgumentException().isThrownBy(() -> limitOf(bad))
                    .withMessageContaining("authorisation_limit");
        }
    }

    @Test
    void rejectsAMissingOrBlankSubject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", " ", "role", "SYSTEM"))))
                .withMessageContaining("sub");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("role", "SYSTEM"))))
                .withMessageContaining("sub");
    }

    @Test
    void rejectsARoleThatIsNotOneOfOurs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "person"))))
                .withMessageContaining("role");
    }

    @Test
    void rejectsAMalformedPerson() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "PERSON", "person", "a b"))))
                .withMessageContaining("person");
    }

    private static Long limitOf(Object limit) {
        return ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "AUTHORITY", "authorisation_limit", limit)))
                .authorisationLimit();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256");
        claims.forEach(builder::claim);
        return builder.build();
    }
}
