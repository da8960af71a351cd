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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
        // Classes before the interface: an interface check walks the class's interfaces.
        if (value instanceof String text) {
            return sealedField && isSealed(text) ? text : neutralise(text);
        }
        if (value instanceof Record record) {
            return cleanRecord(record);
        }
        if (value instanceof List<?> list) {
            return cleanList(list, sealedField);
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
        Object[] values = null;
        for (int i : shape.textual) {
            Object value = shape.read(record, i);
            Object clean = clean(value, shape.sealed[i]);
            if (clean != value) {
                if (values == null) {
                    values = shape.readAll(record);
                }
                values[i] = clean;
            }
        }
        return values == null ? record : shape.make(values);
    }

    /**
     * A record class's components, which of them the producer seals, which of them can hold text at all, and its
     * canonical constructor.
     */
    private static final class Shape {

        private final Method[] accessors;
        private final boolean[] sealed;
        /** The components to look into, in order: those of a type that can hold a string (issue 17: the others,
         * instants, amounts, enums, were read and checked for every event, most of the projector's time). */
        private final int[] textual;

        private final Constructor<?> canonical;

        private Shape(Method[] accessors, boolean[] sealed, int[] textual, Constructor<?> canonical) {
            this.accessors = accessors;
            this.sealed = sealed;
            this.textual = textual;
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
            int[] textual = IntStream.range(0, components.length)
                    .filter(i -> canHoldText(types[i]))
                    .toArray();
            try {
                return new Shape(accessors, sealed, textual, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException(
                        "record " + type.getName() + " has no canonical constructor", impossible);
            }
        }

        /**
         * Whether a component declared as {@code type} can hold a string, directly or within: every type but
         * primitives, enums, numbers, booleans, java.time's values and UUIDs. A record component counts (its own
         * shape says what it holds), and so do lists, interfaces and Object.
         */
        static boolean canHoldText(Class<?> type) {
            return !(type.isPrimitive()
                    || type.isEnum()
                    || Number.class.isAssignableFrom(type)
                    || type == Boolean.class
                    || type == UUID.class
                    || type.getPackageName().equals("java.time"));
        }

        Object read(Record record, int component) {
            try {
                return accessors[component].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                throw new IllegalStateException("cannot read " + accessors[component], unreadable);
            }
        }

        Object[] readAll(Record record) {
            Object[] values = new Object[accessors.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = read(record, i);
            }
            return values;
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
