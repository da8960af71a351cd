package uk.gov.personalbudget.budget.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an event's stored meta-data as Axon's own {@code MetaDataDeserializer} does (a JSON object into a map of
 * names to values), but finds the map's deserializer once. Axon's is not cachable and looks its map deserializer up
 * again for every meta-data read, contextualising it and its key deserializer anew each time: 8 % of publication's
 * samples at 32 clients, where Axon reads each published event's meta-data for the batch's correlation data
 * (docs/benchmarks.md, section 1a). Registered on a mapper after Axon's serializer has registered its own, so that it
 * is the one found ({@link #module()}).
 */
public final class MetaDataReading extends StdDeserializer<MetaData> implements ResolvableDeserializer {

    private transient JsonDeserializer<Object> map;

    MetaDataReading() {
        super(MetaData.class);
    }

    /** A module reading {@link MetaData} with this deserializer. */
    public static Module module() {
        return new SimpleModule("meta-data read with its map deserializer found once")
                .addDeserializer(MetaData.class, new MetaDataReading());
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        map = context.findRootValueDeserializer(
                context.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
    }

    /** Found once and kept by the mapper, with the map deserializer {@link #resolve} found for it. */
    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return MetaData.from((Map<String, ?>) map.deserialize(parser, context, new HashMap<String, Object>()));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        return types.deserializeTypedFromObject(parser, context);
    }
}
