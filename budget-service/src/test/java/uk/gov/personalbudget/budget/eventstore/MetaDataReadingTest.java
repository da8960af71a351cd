package uk.gov.personalbudget.budget.eventstore;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetaDataReadingTest {

    private static final MetaData META_DATA = MetaData.from(Map.of(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "expectedVersion",
            7,
            "nested",
            Map.of("list", List.of("a", "b"), "flag", true)));

    @Test
    void axonsOwnMetaDataDeserializerIsLookedUpAgainForEveryRead() {
        // Why MetaDataReading exists: should Axon's deserializer become cachable, this fails and it can go.
        JacksonSerializer axons =
                JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

        assertThat(metaDataDeserializerOf(axons.getObjectMapper()).isCachable()).isFalse();
    }

    @Test
    void registeredAfterAxonsItIsTheMetaDataDeserializerFoundAndKept() {
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        serializer.getObjectMapper().registerModule(MetaDataReading.module());

        JsonDeserializer<Object> found = metaDataDeserializerOf(serializer.getObjectMapper());

        assertThat(found).isInstanceOf(MetaDataReading.class);
        assertThat(found.isCachable()).isTrue();
    }

    @Test
    void itReadsMetaDataAsAxonsDeserializerDoes() {
        JacksonSerializer axons =
                JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        JacksonSerializer ours =
                JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
        ours.getObjectMapper().registerModule(MetaDataReading.module());
        SerializedObject<byte[]> stored = axons.serialize(META_DATA, byte[].class);

        MetaData read = ours.deserialize(stored);

        assertThat(read).isEqualTo(axons.deserialize(stored)).isEqualTo(axons.deserialize(stored));
        assertThat(read.get("traceparent")).isEqualTo(META_DATA.get("traceparent"));
        assertThat(read.get("nested")).isEqualTo(Map.of("list", List.of("a", "b"), "flag", true));
        assertThat(ours.<byte[], MetaData>deserialize(ours.serialize(MetaData.emptyInstance(), byte[].class)))
                .isEmpty();
    }

    /** The deserializer the mapper finds for MetaData as a root value, as it finds it for each read. */
    static JsonDeserializer<Object> metaDataDeserializerOf(ObjectMapper mapper) {
        try {
            DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                    .createDummyInstance(mapper.getDeserializationConfig());
            return context.findRootValueDeserializer(mapper.constructType(MetaData.class));
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }
}
