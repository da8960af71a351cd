package uk.gov.personalbudget.contracts.schema;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.PersonalData;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema (draft-07, the base of AsyncAPI's schema format) of an event's JSON form, made from its record: one
 * property per record component, as Jackson writes records, and from the components' annotations:
 * <ul>
 *   <li>a component is required and not nullable when it is primitive or constrained {@code @NotNull},
 *   {@code @NotBlank} or {@code @NotEmpty}, and so are the three every event has ({@link BudgetEvent}); any other may
 *   be {@code null} or absent (events stored before it existed lack it);</li>
 *   <li>{@code @Size}, {@code @Pattern}, {@code @Min}, {@code @Max}, {@code @Positive(OrZero)} become lengths, item
 *   counts, patterns and bounds;</li>
 *   <li>a {@code @PersonalData} string is sealed on the topic ({@code pd:v1:<keyId>:<base64url>}, or plain text
 *   stored before sealing began), so only its being there (not its length or pattern) is constrained;</li>
 *   <li>a record with a {@code @JsonValue} accessor (an id) is that value, constrained by its {@code PATTERN};
 *   enums list their constants; instants are ISO-8601 date-times.</li>
 * </ul>
 * Every nested record is written out in place (no {@code $ref}), so each schema stands alone.
 */
final class EventSchemaGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> EVERY_EVENTS_COMPONENTS = Set.of("budgetId", "act", "control");

    private EventSchemaGenerator() {}

    static ObjectNode schemaOf(Class<? extends BudgetEvent> type, String revision) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", type.getSimpleName() + " revision " + revision);
        schema.setAll(recordSchema(type, EVERY_EVENTS_COMPONENTS));
        return schema;
    }

    private static ObjectNode recordSchema(Class<?> type, Set<String> alwaysPresent) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            List<Annotation> annotations = annotationsOf(component);
            boolean present = alwaysPresent.contains(component.getName())
                    || component.getType().isPrimitive()
                    || has(annotations, NotNull.class, NotBlank.class, NotEmpty.class);
            boolean personal = has(annotations, PersonalData.class);
            properties.set(
                    component.getName(), valueSchema(component.getAnnotatedType(), annotations, present, personal));
            if (present) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode valueSchema(
            AnnotatedType annotatedType, List<Annotation> annotations, boolean present, boolean personal) {
        Class<?> raw = rawType(annotatedType);
        ObjectNode schema;
        if (raw == String.class) {
            schema = stringSchema(annotations, personal);
        } else if (raw.isEnum()) {
            schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> values.add(((Enum<?>) constant).name()));
            if (!present) {
                values.addNull();
            }
        } else if (raw == Instant.class) {
            schema = JSON.objectNode().put("type", "string").put("format", "date-time");
        } else if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class) {
            schema = integerSchema(annotations);
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema = JSON.objectNode().put("type", "boolean");
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema = arraySchema(annotatedType, annotations, personal);
        } else if (raw.isRecord() && jsonValue(raw) != null) {
            schema = JSON.objectNode().put("type", "string");
            String pattern = patternConstant(raw);
            if (pattern != null) {
                schema.put("pattern", anchored(pattern));
            }
        } else if (raw.isRecord()) {
            schema = recordSchema(raw, Set.of());
        } else {
            throw new IllegalArgumentException("no JSON Schema for " + annotatedType.getType());
        }
        return present ? schema : nullable(schema);
    }

    private static ObjectNode stringSchema(List<Annotation> annotations, boolean personal) {
        ObjectNode schema = JSON.objectNode().put("type", "string");
        if (has(annotations, NotBlank.class, NotEmpty.class)) {
            schema.put("minLength", 1);
        }
        if (personal) {
            schema.put(
                    "description",
                    "personal text, sealed: pd:v1:<keyId>:<base64url> (plain text in events stored before sealing"
                            + " began)");
            return schema;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Size size) {
                if (size.min() > 0) {
                    schema.put(
                            "minLength",
                            Math.max(size.min(), schema.path("minLength").asInt(0)));
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.put("maxLength", size.max());
                }
            } else if (annotation instanceof Pattern pattern) {
                schema.put("pattern", anchored(pattern.regexp()));
            }
        }
        return schema;
    }

    private static ObjectNode integerSchema(List<Annotation> annotations) {
        ObjectNode schema = JSON.objectNode().put("type", "integer");
        for (Annotation annotation : annotations) {
            if (annotation instanceof PositiveOrZero) {
                schema.put("minimum", 0);
            } else if (annotation instanceof Positive) {
                schema.put("minimum", 1);
            } else if (annotation instanceof Min min) {
                schema.put("minimum", min.value());
            } else if (annotation instanceof Max max) {
                schema.put("maximum", max.value());
            }
        }
        return schema;
    }

    private static ObjectNode arraySchema(AnnotatedType annotatedType, List<Annotation> annotations, boolean personal) {
        ObjectNode schema = JSON.objectNode().put("type", "array");
        if (!(annotatedType instanceof AnnotatedParameterizedType parameterized)) {
            throw new IllegalArgumentException("a collection without its element type: " + annotatedType.getType());
        }
        AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
        List<Annotation> elementAnnotations = List.of(element.getAnnotations());
        boolean elementPresent = has(elementAnnotations, NotNull.class, NotBlank.class, NotEmpty.class)
                || rawType(element) == String.class;
        schema.set("items", valueSchema(element, elementAnnotations, elementPresent, personal));
        if (has(annotations, NotEmpty.class)) {
            schema.put("minItems", 1);
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Size size) {
                if (size.min() > 0) {
                    schema.put(
                            "minItems",
                            Math.max(size.min(), schema.path("minItems").asInt(0)));
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.put("maxItems", size.max());
                }
            }
        }
        return schema;
    }

    /** The same schema, also allowing {@code null}. */
    private static ObjectNode nullable(ObjectNode schema) {
        String type = schema.get("type").asText();
        schema.set("type", JSON.arrayNode().add(type).add("null"));
        return schema;
    }

    /** Bean Validation matches a whole string; a JSON Schema pattern matches anywhere in it. */
    private static String anchored(String regexp) {
        return "^(?:" + regexp + ")$";
    }

    /** A record component's annotations: on its accessor (where Bean Validation reads them) and on its type. */
    private static List<Annotation> annotationsOf(RecordComponent component) {
        List<Annotation> annotations =
                new ArrayList<>(List.of(component.getAccessor().getAnnotations()));
        annotations.addAll(List.of(component.getAnnotations()));
        annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
        return annotations;
    }

    @SafeVarargs
    private static boolean has(List<Annotation> annotations, Class<? extends Annotation>... types) {
        return annotations.stream()
                .anyMatch(annotation -> Arrays.stream(types).anyMatch(type -> type.isInstance(annotation)));
    }

    private static Class<?> rawType(AnnotatedType annotatedType) {
        if (annotatedType.getType() instanceof Class<?> type) {
            return type;
        }
        if (annotatedType instanceof AnnotatedParameterizedType parameterized
                && parameterized.getType() instanceof java.lang.reflect.ParameterizedType type) {
            return (Class<?>) type.getRawType();
        }
        throw new IllegalArgumentException("no JSON Schema for " + annotatedType.getType());
    }

    private static RecordComponent jsonValue(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getAccessor().isAnnotationPresent(JsonValue.class))
                .findFirst()
                .orElse(null);
    }

    private static String patternConstant(Class<?> type) {
        try {
            Field field = type.getField("PATTERN");
            return Modifier.isStatic(field.getModifiers()) ? (String) field.get(null) : null;
        } catch (NoSuchFieldException absent) {
            return null;
        } catch (IllegalAccessException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
