package uk.gov.personalbudget.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActorClaimsTest {

    static final Councils COUNCILS =
            new Councils(List.of("leeds", "bristol"), Map.of("scheduler", Set.of("leeds", "bristol", "york")));

    @Test
    void readsEveryClaimOfAnActor() {
        Jwt jwt = jwt(Map.of(
                "sub",
                "nominee-1",
                "role",
                "NOMINEE",
                "person",
                "P-9",
                "authorisation_limit",
                1200L,
                "council",
                "leeds"));

        assertThat(ActorClaims.actorOf(jwt, COUNCILS))
                .isEqualTo(new Actor("nominee-1", Role.NOMINEE, new PersonReference("P-9"), 1200L, Set.of("leeds")));
    }

    @Test
    void personAndLimitAreOptional() {
        assertThat(ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "SYSTEM", "council", "leeds")), COUNCILS))
                .isEqualTo(Actor.of("s", Role.SYSTEM, "leeds"));
        assertThat(ActorClaims.actorOf(jwt(Map.of("sub", "n", "role", "NOMINEE", "council", "leeds")), COUNCILS))
                .isEqualTo(Actor.of("n", Role.NOMINEE, "leeds"));
    }

    @Test
    void everyTokenButASystemOneNamesAServedCouncil() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "AUTHORITY")), COUNCILS))
                .withMessageContaining("no council claim");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "AUTHORITY", "council", "york")), COUNCILS))
                .withMessageContaining("no council this service serves");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(
                        jwt(Map.of("sub", "s", "role", "AUTHORITY", "council", List.of("leeds"))), COUNCILS))
                .withMessageContaining("council");
    }

    @Test
    void aSystemTokenWithoutACouncilWorksInTheServedCouncilsConfiguredForItsSubject() {
        assertThat(ActorClaims.actorOf(jwt(Map.of("sub", "scheduler", "role", "SYSTEM")), COUNCILS)
                        .councils())
                .containsExactlyInAnyOrder("leeds", "bristol");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", "cron", "role", "SYSTEM")), COUNCILS))
                .withMessageContaining("councils configured");
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
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> limitOf(bad))
                    .withMessageContaining("authorisation_limit");
        }
    }

    @Test
    void rejectsAMissingOrBlankSubject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", " ", "role", "SYSTEM")), COUNCILS))
                .withMessageContaining("sub");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("role", "SYSTEM")), COUNCILS))
                .withMessageContaining("sub");
    }

    @Test
    void rejectsASubjectLongerThanAnyIdentityProvidersIds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(
                        jwt(Map.of("sub", "s".repeat(129), "role", "SYSTEM", "council", "leeds")), COUNCILS))
                .withMessageContaining("longer than 128");
        assertThat(ActorClaims.actorOf(
                                jwt(Map.of("sub", "s".repeat(128), "role", "SYSTEM", "council", "leeds")), COUNCILS)
                        .id())
                .hasSize(128);
    }

    @Test
    void rejectsARoleThatIsNotOneOfOurs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "person")), COUNCILS))
                .withMessageContaining("role");
    }

    @Test
    void rejectsAMalformedPerson() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> ActorClaims.actorOf(jwt(Map.of("sub", "s", "role", "PERSON", "person", "a b")), COUNCILS))
                .withMessageContaining("person");
    }

    private static Long limitOf(Object limit) {
        return ActorClaims.actorOf(
                        jwt(Map.of("sub", "s", "role", "AUTHORITY", "authorisation_limit", limit, "council", "leeds")),
                        COUNCILS)
                .authorisationLimit();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256");
        claims.forEach(builder::claim);
        return builder.build();
    }
}
