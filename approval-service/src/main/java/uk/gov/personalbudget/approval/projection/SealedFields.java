package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.PersonalData;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a sealed value only where the producer seals one: in a {@link PersonalData} field (a string, or each
 * string of a list) whose whole value is exactly one sealed value. Any other {@code pd:v1:} text (in a clear field
 * such as {@code management.provider} or a delegate's id, or inside a personal field's plain text) is projected
 * as {@value PersonalDataReader#NOT_OPENED}, so the trail and decisions can never open it later, whichever key
 * it names. budget-service refuses such text as input, but events stored before that check, or written by an
 * older producer, may carry it.
 * <p>
 * Fields are told apart by the same {@link PersonalData} mark budget-service seals by, read once per record class,
 * so the two services cannot disagree about which fields are sealed.
 */
final class SealedFields {

    /** {@code pd:v1:} and the run of key-id, separator and ciphertext characters after it, well formed or not. */
    private static final Pattern SEALED_LOOKING =
            Pattern.compile(Pattern.quote(PersonalDataCipher.PREFIX) + "[A-Za-z0-9_:-]*");

    private static final String NEUTRAL = Matcher.quoteReplacement(PersonalDataReader.NOT_OPENED);

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private SealedFields() {}

    /** The envelope as it is when its event has no sealed-looking text out of place; else one whose event has none. */
    static EventEnvelope confine(EventEnvelope envelope) {
        Object event = clean(envelope.event(), false);
        return event == envelope.event()
                ? envelope
                : new EventEnvelope(
                        envelope.eventId(),
                        envelope.budgetId(),
                        envelope.sequence(),
                        envelope.timestamp(),
                        envelope.event().getClass().cast(event));
    }

    /** {@code text} with every sealed-looking run in it replaced by {@value PersonalDataReader#NOT_OPENED}. */
    static String neutralise(String text) {
        return text == null || !text.contains(PersonalDataCipher.PREFIX)
                ? text
                : SEALED_LOOKING.matcher(text).replaceAll(NEUTRAL);
    }

    /**
     * Whether {@code text} is exactly one sealed value: what {@link PersonalDataCipher#SEALED} matches, {@code pd:v1:},
     * a key id of 22 and a ciphertext of at least 38 URL-safe base64 characters, separated by ':'. Checked by hand:
     * every sealed field of every event read passes here, and the regular expression cost more than the rest of it.
     */
    static boolean isSealed(String text) {
        String prefix = PersonalDataCipher.PREFIX;
        int keyEnd = prefix.length() + 22;
        if (text.length() < keyEnd + 1 + 38 || !text.startsWith(prefix) || text.charAt(keyEnd) != ':') {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            if (i != keyEnd && !isBase64Url(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** The value with its out-of-place sealed text neutralised; the same instance when there is none. */
    private static Object clean(Object value, boolean sealedField) {
        if (value instanceof String text) {
            return sealedField && isSealed(text) ? text : neutralise(text);
        }
        if (value instanceof List<?> list) {
            return cleanList(list, sealedField);
        }
        if (value instanceof Record record) {
            return cleanRecord(record);
        }
        return value;
    }

    private static List<?> cleanList(List<?> list, boolean sealedField) {
        List<Object> cleaned = null;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            Object clean = clean(element, sealedField);
            if (clean != element && cleaned == null) {
                cleaned = new ArrayList<>(list);
            }
            if (cleaned != null) {
                cleaned.set(i, clean);
            }
        }
        return cleaned == null ? list : Collections.unmodifiableList(cleaned);
    }

    private static Record cleanRecord(Record record) {
        Shape shape = SHAPES.get(record.getClass());
        Object[] values = new Object[shape.accessors.length];
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            Object value = shape.read(record, i);
            values[i] = clean(value, shape.sealed[i]);
            changed |= values[i] != value;
        }
        return changed ? shape.make(values) : record;
    }

    /** A record class's components, which of them the producer seals, and its canonical constructor. */
    private static final class Shape {

        private final Method[] accessors;
        private final boolean[] sealed;
        private final Constructor<?> canonical;

        private Shape(Method[] accessors, boolean[] sealed, Constructor<?> canonical) {
            this.accessors = accessors;
            this.sealed = sealed;
            this.canonical = canonical;
        }

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            boolean[] sealed = new boolean[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                sealed[i] = components[i].isAnnotationPresent(PersonalData.class);
                types[i] = components[i].getType();
            }
            try {
                return new Shape(accessors, sealed, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException(
                        "record " + type.getName() + " has no canonical constructor", impossible);
            }
        }

        Object read(Record record, int component) {
            try {
                return accessors[component].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                throw new IllegalStateException("cannot read " + accessors[component], unreadable);
            }
        }

        Record make(Object[] values) {
            try {
                return (Record) canonical.newInstance(values);
            } catch (ReflectiveOperationException unmade) {
                throw new IllegalStateException(
                        "cannot make " + canonical.getDeclaringClass().getName()
                                + " with its sealed-looking text neutralised",
                        unmade);
            }
        }
    }
}
