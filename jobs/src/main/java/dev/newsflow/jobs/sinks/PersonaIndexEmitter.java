package dev.newsflow.jobs.sinks;

import dev.newsflow.schemas.Persona;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.opensearch.sink.OpensearchEmitter;
import org.apache.flink.connector.opensearch.sink.RequestIndexer;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.index.VersionType;

/**
 * Writes each persona under its user id with external versioning ({@code external_gte} on {@link
 * Persona#getVersion()}): a replay after recovery re-sends versions the index may already hold, and
 * an older one must never overwrite a newer one. OpenSearch rejects those with 409, which {@link
 * IgnoreStaleVersions} expects. Equal versions overwrite, so the index converges on what the
 * committed run produced.
 */
public final class PersonaIndexEmitter implements OpensearchEmitter<Persona> {

    private final String index;

    public PersonaIndexEmitter(String index) {
        this.index = index;
    }

    @Override
    public void emit(Persona persona, SinkWriter.Context context, RequestIndexer indexer) {
        indexer.add(request(index, persona));
    }

    static IndexRequest request(String index, Persona persona) {
        return new IndexRequest(index)
                .id(persona.getUserId())
                .versionType(VersionType.EXTERNAL_GTE)
                .version(persona.getVersion())
                .source(PersonaDocuments.smile(persona));
    }
}
