package dev.newsflow.jobs.functions.persona;

import dev.newsflow.schemas.Persona;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by user: applies each interaction to the user's {@link PersonaState} with {@link
 * PersonaUpdate} and emits the new {@link Persona}; a duplicate event id (within the dedup window)
 * changes nothing and emits nothing. A user's state expires {@code userTtl} after their last
 * interaction (processing time); a returning user starts a new profile, whose version (the first
 * event's time) still supersedes the old one.
 */
public final class UpdatePersona extends KeyedProcessFunction<String, ArticleInteraction, Persona> {

    private final PersonaRules rules;
    private final Duration userTtl;
    private transient ValueState<PersonaState> state;
    private transient Counter applied;
    private transient Counter duplicates;

    public UpdatePersona(PersonaRules rules, Duration userTtl) {
        this.rules = rules;
        this.userTtl = userTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<PersonaState> descriptor =
                new ValueStateDescriptor<>("persona", TypeInformation.of(PersonaState.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(userTtl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .cleanupFullSnapshot()
                        .cleanupInRocksdbCompactFilter(1_000)
                        .build());
        state = getRuntimeContext().getState(descriptor);
        var metrics = getRuntimeContext().getMetricGroup().addGroup("persona");
        applied = metrics.counter("applied");
        duplicates = metrics.counter("duplicates");
    }

    @Override
    public void processElement(ArticleInteraction event, Context ctx, Collector<Persona> out)
            throws Exception {
        PersonaState current = state.value();
        if (current == null) {
            current = PersonaState.empty();
        } else if (PersonaUpdate.isDuplicate(current, event.eventId())) {
            duplicates.inc();
            return;
        }
        PersonaState next = PersonaUpdate.apply(current, event, rules);
        state.update(next);
        applied.inc();
        out.collect(PersonaRecords.toPersona(ctx.getCurrentKey(), next, rules));
    }
}
