package uk.gov.personalbudget.support.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import uk.gov.personalbudget.contracts.value.PersonalData;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes Jackson seal and reveal the {@link PersonalData} fields (a string, or each string of a list), but only
 * when the call asks for it through an attribute: {@code writer.withAttribute(PROTECT, protector)} seals on
 * writing, {@code reader.withAttribute(REVEAL, revealer)} reveals on reading. Without the attribute the field is
 * written and read as it is, so a mapper with this module behaves like one without it elsewhere.
 */
public class PersonalDataModule extends SimpleModule {

    /** The attribute holding the {@link Protector} of the object being written (its person's key). */
    public static final String PROTECT = PersonalDataModule.class.getName() + ".protect";
    /** The attribute holding the {@link Revealer} of the object being read. */
    public static final String REVEAL = PersonalDataModule.class.getName() + ".reveal";

    /** Turns one personal text into what is stored. */
    @FunctionalInterface
    public interface Protector {
        String protect(String plaintext);
    }

    /** Turns one stored personal value back into text (or the erased marker). */
    @FunctionalInterface
    public interface Revealer {
        String reveal(String stored);
    }

    public PersonalDataModule() {
        super("personal-data");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector());
    }

    /** Finds the (de)serializers for marked members: of the string itself, or of a collection's elements. */
    private static final class Introspector extends NopAnnotationIntrospector {

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public Object findSerializer(Annotated member) {
            return marked(member) && member.getRawType() == String.class ? ProtectingSerializer.INSTANCE : null;
        }

        @Override
        public Object findContentSerializer(Annotated member) {
            return marked(member) && Collection.class.isAssignableFrom(member.getRawType())
                    ? ProtectingSerializer.INSTANCE
                    : null;
        }

        @Override
        public Object findDeserializer(Annotated member) {
            return marked(member) && member.getRawType() == String.class ? RevealingDeserializer.INSTANCE : null;
        }

        @Override
        public Object findContentDeserializer(Annotated member) {
            return marked(member) && Collection.class.isAssignableFrom(member.getRawType())
                    ? RevealingDeserializer.INSTANCE
                    : null;
        }

        private static boolean marked(Annotated member) {
            return member.hasAnnotation(PersonalData.class);
        }
    }

    private static final class ProtectingSerializer extends StdSerializer<String> {

        static final ProtectingSerializer INSTANCE = new ProtectingSerializer();

        private ProtectingSerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(
                    provider.getAttribute(PROTECT) instanceof Protector protector ? protector.protect(value) : value);
        }
    }

    private static final class RevealingDeserializer extends StdScalarDeserializer<String> {

        static final RevealingDeserializer INSTANCE = new RevealingDeserializer();

        private RevealingDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String stored = StringDeserializer.instance.deserialize(parser, context);
            return stored != null && context.getAttribute(REVEAL) instanceof Revealer revealer
                    ? revealer.reveal(stored)
                    : stored;
        }
    }
}
