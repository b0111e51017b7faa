package org.lectern.runner;

/**
 * Where an accepted run goes to be executed: the in-process supervisor ({@link RunSupervisor#submit}) or the runner
 * nodes over NATS ({@link NatsRunners}). Either tells the run's listener everything up to its one exit event, or
 * refuses at once.
 */
@FunctionalInterface
interface RunDispatch {
    void submit(Run run) throws RunRejected;
}
