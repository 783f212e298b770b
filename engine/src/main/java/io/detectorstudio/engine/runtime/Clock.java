package io.detectorstudio.engine.runtime;

/** Time as the engine sees it, in epoch milliseconds: virtual for simulation and tests, the wall clock for real runs. */
public interface Clock {

    long nowMillis();

    static Clock system() {
        return System::currentTimeMillis;
    }
}
