package dev.newsflow.cli.stack;

import java.io.PrintStream;
import java.util.Locale;

/** Numbered start-up steps with elapsed time, printed to the console while the stack starts. */
public final class Progress {

    private final PrintStream out;
    private final int steps;
    private final long startNanos = System.nanoTime();
    private int step;

    public Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    public synchronized void step(String what) {
        step++;
        out.printf(Locale.ROOT, "[%d/%d] %-58s (%5.1f s)%n", step, steps, what, elapsedSeconds());
        out.flush();
    }

    public synchronized void note(String what) {
        out.printf(Locale.ROOT, "      %s%n", what);
        out.flush();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
