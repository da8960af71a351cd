package uk.gov.personalbudget.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;

import java.io.IOException;

/**
 * Request bodies may not carry text shaped like sealed personal data ({@code pd:v1:…}): such text in a clear field
 * would later be taken for a sealed value and opened, with whichever person's key it names. Every string of a
 * request body is read through this; events are read by another mapper and keep their sealed values.
 */
final class SealedTextRefusal extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && text.contains(PersonalDataCipher.PREFIX)) {
            throw new SealedTextInInput(parser);
        }
        return text;
    }

    /** The field whose text looks sealed; answered as a 400 naming it. */
    static final class SealedTextInInput extends JsonMappingException {

        static final String REASON =
                "must not contain '" + PersonalDataCipher.PREFIX + "', which marks sealed personal data";

        SealedTextInInput(JsonParser parser) {
            super(parser, REASON);
        }
    }
}
