package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * LECTERN_SANDBOX=none, for a developer's machine without bubblewrap: the interpreter runs the same bootstrap as the
 * server's own user, in a fresh temporary folder, with no namespaces and no cgroups. Only what needs neither still
 * holds: the wall time, the output size, and the per-process rlimits (open files, file size, a CPU backstop).
 */
final class UnsandboxedPython implements SandboxLauncher {
    private static final long READY_TIMEOUT_MILLIS = 10_000;

    private final Path python;
    private final RunLimits limits;
    private final ScheduledExecutorService timer;
    private final String bootstrap = BwrapSandbox.readBootstrap();

    UnsandboxedPython(Path python, RunLimits limits, ScheduledExecutorService timer) {
        this.python = python;
        this.limits = limits;
        this.timer = timer;
    }

    @Override
    public SandboxProcess start() throws IOException {
        Path workdir = Files.createTempDirectory("lectern-run-");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        python.toString(),
                        "-c",
                        bootstrap,
                        workdir.toString(),
                        Long.toString(limits.openFiles()),
                        Long.toString(limits.fileSizeBytes()),
                        Long.toString(limits.cpuTime().toSeconds() + 2),
                        // RLIMIT_NPROC counts every process of the developer's own uid: leave it alone
                        "-1"))
                .directory(workdir.toFile());
        builder.environment().clear();
        builder.environment()
                .putAll(Map.of(
                        "PATH", "/usr/bin:/bin",
                        "HOME", workdir.toString(),
                        "LANG", "C.UTF-8",
                        "PYTHONUNBUFFERED", "1",
                        "PYTHONDONTWRITEBYTECODE", "1"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            ProcessTree.removeFolder(workdir);
            throw e;
        }
        return new SandboxProcess(process, new ProcessTree(process.toHandle(), workdir), () -> {}, 0)
                .ready(timer, READY_TIMEOUT_MILLIS);
    }
}
