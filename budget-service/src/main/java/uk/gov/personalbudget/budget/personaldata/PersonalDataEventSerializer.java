package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.axonframework.common.ObjectUtils;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.support.personaldata.PersonKey;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataErased;
import uk.gov.personalbudget.support.personaldata.PersonalDataModule;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;
import uk.gov.personalbudget.support.personaldata.PersonalDataTampered;
import uk.gov.personalbudget.support.personaldata.PersonalDataUnavailable;

import java.util.function.Supplier;

/**
 * Axon's Jackson serializer for events, sealing each event's personal text with its person's key as it is
 * stored, and revealing it as events are read (the aggregate, the history). Everything else is
 * {@link JacksonSerializer} with Spring's mapper (a copy, with {@link PersonalDataModule}: the HTTP layer never
 * seals or reveals anything). The person of a {@code BudgetOpened} is in it; of any other event, the budget's
 * {@code BudgetOpened} says ({@link BudgetPersons}), asked only when the event has personal text.
 */
public class PersonalDataEventSerializer extends JacksonSerializer {

    private final BudgetPersons persons;
    private final PersonKeys keys;
    private final PersonalDataModule.Revealer revealer;

    PersonalDataEventSerializer(Builder builder, BudgetPersons persons, PersonKeys keys, PersonalDataReader reader) {
        super(builder);
        this.persons = persons;
        this.keys = keys;
        this.revealer = reader::reveal;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        ObjectWriter writer = getWriter();
        if (object instanceof BudgetEvent event) {
            writer = writer.withAttribute(PersonalDataModule.PROTECT, protectorFor(event));
        }
        try {
            if (String.class.equals(expectedRepresentation)) {
                return new SimpleSerializedObject<>(
                        (T) writer.writeValueAsString(object),
                        expectedRepresentation,
                        typeForClass(ObjectUtils.nullSafeTypeOf(object)));
            }
            byte[] bytes = writer.writeValueAsBytes(object);
            return new SimpleSerializedObject<>(
                    getConverter().convert(bytes, expectedRepresentation),
                    expectedRepresentation,
                    typeForClass(ObjectUtils.nullSafeTypeOf(object)));
        } catch (JsonProcessingException failed) {
            throw personalDataFailure(failed);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        try {
            return super.deserialize(serializedObject);
        } catch (SerializationException failed) {
            throw personalDataFailure(failed);
        }
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return super.getReader(type).withAttribute(PersonalDataModule.REVEAL, revealer);
    }

    /**
     * A {@code BudgetOpened} makes (or checks) its person's key at once, so a budget is never opened for a person
     * whose data was erased; other events look the key up on their first personal field only.
     */
    private PersonalDataModule.Protector protectorFor(BudgetEvent event) {
        if (event instanceof BudgetOpened opened) {
            PersonKey key = keys.forSealing(opened.opening().person());
            return text -> PersonalDataCipher.seal(key.keyId(), key.secretKey(), text);
        }
        Supplier<PersonKey> key = new Supplier<>() {
            private PersonKey found;

            @Override
            public PersonKey get() {
                if (found == null) {
                    PersonReference person = persons.personOf(event.budgetId());
                    found = keys.forSealing(person);
                }
                return found;
            }
        };
        return text -> PersonalDataCipher.seal(key.get().keyId(), key.get().secretKey(), text);
    }

    /** A personal data failure as itself (the API answers it by type), anything else as Axon's own. */
    private static RuntimeException personalDataFailure(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersonalDataErased
                    || cause instanceof PersonalDataUnavailable
                    || cause instanceof PersonalDataTampered) {
                return (RuntimeException) cause;
            }
        }
        return failed instanceof RuntimeException runtime
                ? runtime
                : new SerializationException("Unable to serialize object", failed);
    }
}
