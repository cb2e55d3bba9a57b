package dev.newsflow.jobs.functions.persona;

import dev.newsflow.schemas.Interaction;

/** An interaction waiting in state for its article's embedding, since {@code since} (proc. ms). */
public record WaitingInteraction(Interaction interaction, long since) {}
