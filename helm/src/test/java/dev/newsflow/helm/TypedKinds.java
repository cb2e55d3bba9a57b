package dev.newsflow.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a document into the published Java model of its kind and reports every field the model does
 * not know. fabric8's and Strimzi's models keep unknown fields in {@code additionalProperties}
 * instead of failing, as the API server prunes them; a misspelt key would therefore pass unnoticed,
 * so this walks the whole object and fails on any such field.
 *
 * <p>Core kinds use fabric8's kubernetes-model; Strimzi's kinds use {@code io.strimzi:api}, the
 * classes Strimzi generates its CRDs from; ServiceMonitor uses fabric8's model generated from the
 * Prometheus Operator's CRD.
 */
final class TypedKinds {

    private static final Map<String, Class<?>> MODELS =
            Map.ofEntries(
                    kind("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
                    kind("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
                    kind("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
                    kind("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
                    kind(
                            "v1/PersistentVolumeClaim",
                            io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class),
                    kind(
                            "apps/v1/Deployment",
                            io.fabric8.kubernetes.api.model.apps.Deployment.class),
                    kind(
                            "apps/v1/StatefulSet",
                            io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
                    kind(
                            "policy/v1/PodDisruptionBudget",
                            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
                    kind(
                            "autoscaling/v2/HorizontalPodAutoscaler",
                            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler
                                    .class),
                    kind(
                            "networking.k8s.io/v1/Ingress",
                            io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
                    kind(
                            "networking.k8s.io/v1/NetworkPolicy",
                            io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
                    kind(
                            "rbac.authorization.k8s.io/v1/Role",
                            io.fabric8.kubernetes.api.model.rbac.Role.class),
                    kind(
                            "rbac.authorization.k8s.io/v1/RoleBinding",
                            io.fabric8.kubernetes.api.model.rbac.RoleBinding.class),
                    kind(
                            "monitoring.coreos.com/v1/ServiceMonitor",
                            io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
                    kind("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
                    kind(
                            "kafka.strimzi.io/v1/KafkaNodePool",
                            io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
                    kind(
                            "kafka.strimzi.io/v1/KafkaTopic",
                            io.strimzi.api.kafka.model.topic.KafkaTopic.class));

    /** Jackson fails on wrong types and unknown enum values; unknown fields are walked below. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    private TypedKinds() {}

    /** The model class of {@code apiVersion/kind}, if this validator knows the kind. */
    static Optional<Class<?>> model(String apiVersion, String kind) {
        return Optional.ofNullable(MODELS.get(apiVersion + "/" + kind));
    }

    /** Problems of {@code document} as {@code model}: unreadable, or fields the model lacks. */
    static List<String> problems(JsonNode document, Class<?> model) {
        Object parsed;
        try {
            parsed = MAPPER.treeToValue(document, model);
        } catch (Exception e) {
            return List.of("does not read as " + model.getSimpleName() + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(parsed, "", problems, new IdentityHashMap<>());
        // A value the model could not take (an enum constant it does not have becomes null)
        // does not come back when the model is written out again. apiVersion and kind are
        // written as the model's own constants.
        ObjectNode in = ((ObjectNode) document.deepCopy()).without(List.of("apiVersion", "kind"));
        lost(in, MAPPER.valueToTree(parsed), "", problems);
        return problems;
    }

    private static void lost(JsonNode in, JsonNode out, String path, List<String> problems) {
        if (in.isObject()) {
            for (Map.Entry<String, JsonNode> field : in.properties()) {
                String at = path + "." + field.getKey();
                JsonNode value = field.getValue();
                JsonNode back = out.get(field.getKey());
                // false is left out when written: the default of a primitive boolean
                boolean omittedDefault = value.isBoolean() && !value.asBoolean();
                if ((back == null || back.isNull() && !value.isNull()) && !omittedDefault) {
                    problems.add("value " + value + " at " + display(at) + " not understood");
                } else if (back != null) {
                    lost(value, back, at, problems);
                }
            }
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                JsonNode back = out.path(i);
                if (back.isMissingNode()) {
                    problems.add("item " + in.get(i) + " at " + display(path) + " not understood");
                } else {
                    lost(in.get(i), back, path + "[" + i + "]", problems);
                }
            }
        } else if (!in.asText().equals(out.asText())) {
            problems.add("value " + in + " at " + display(path) + " read as " + out);
        }
    }

    private static void walk(
            Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add("unknown field(s) " + extra.keySet() + " at " + display(path));
                }
            } else {
                walk(child, path + "." + property(getter), unknown, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && !method.getName().equals("getClass")
                && !method.getReturnType().isPrimitive()
                && !Set.of(String.class, Class.class).contains(method.getReturnType());
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null; // derived getters that need more than the document are not fields
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String display(String path) {
        return path.isEmpty() ? "the top level" : path.substring(1);
    }

    private static Map.Entry<String, Class<?>> kind(String key, Class<?> model) {
        return Map.entry(key, model);
    }
}
