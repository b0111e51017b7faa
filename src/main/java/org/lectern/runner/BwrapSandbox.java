package org.lectern.runner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts sandboxes by the recipe in SANDBOX-NOTES: setpriv, born inside fresh cgroups, drops to a uid of its own with no
 * capabilities and execs bubblewrap, which gives Python new namespaces (no network, no host files, private /tmp and
 * /dev/shm) and an empty environment. setpriv is started with an empty environment too, because bwrap's own
 * environment is readable inside the sandbox as /proc/1/environ.
 */
final class BwrapSandbox implements SandboxLauncher {
    /** The outer bwrap and the pid namespace's init: they count against pids.max but are not the learner's. */
    static final int OWN_TASKS = 2;

    /**
     * RLIMIT_NPROC's room above pids.max. The cgroup's limit is the one a run is meant to meet, since only it reports
     * the hit (a fork bomb then ends as {@code process_limit}); the rlimit is a backstop for the uid. It counts a task
     * until its parent has reaped it, while the cgroup lets go of it as it exits: a sandbox taking the uid of one whose
     * fork bomb had just been killed met the rlimit a few tasks early, and its run ended as a plain error.
     */
    static final int NPROC_ROOM = 64;

    private static final long READY_TIMEOUT_MILLIS = 10_000;
    private static final String SANDBOX_UID = "1000";

    private final RunnerConfig.SandboxSettings settings;
    private final RunLimits limits;
    private final CgroupTree cgroups;
    private final UidPool uids;
    private final ScheduledExecutorService timer;
    /**
     * Runs the bootstrap from its compiled form (the hex of its marshalled code object, the first argument): compiling
     * its source cost every sandbox about a millisecond of CPU. Without the argument the bootstrap sees the usual argv.
     */
    private static final String LOAD_COMPILED =
            "import marshal, sys; exec(marshal.loads(bytes.fromhex(sys.argv.pop(1))))";

    private static final String COMPILE =
            "import marshal, sys; sys.stdout.write(marshal.dumps(compile(sys.stdin.read(), '<string>', 'exec')).hex())";

    private final String bootstrap;
    private String compiledBootstrap;

    BwrapSandbox(
            RunnerConfig.SandboxSettings settings,
            RunLimits limits,
            CgroupTree cgroups,
            UidPool uids,
            ScheduledExecutorService timer) {
        this.settings = settings;
        this.limits = limits;
        this.cgroups = cgroups;
        this.uids = uids;
        this.timer = timer;
        this.bootstrap = readBootstrap();
    }

    /** Why sandboxes cannot be made on this machine, if they cannot: a missing tool or missing cgroups. */
    static Optional<String> problem(RunnerConfig.SandboxSettings settings) {
        for (Path tool : List.of(settings.bwrap(), settings.setpriv(), settings.python())) {
            if (!Files.isExecutable(tool)) {
                return Optional.of(tool + " is missing or not executable");
            }
        }
        if (!settings.python().toAbsolutePath().startsWith("/usr/")) {
            return Optional.of("the interpreter " + settings.python() + " must live under /usr, the only host folder"
                    + " the sandbox can see");
        }
        return CgroupTree.problem(settings.cgroupRoot());
    }

    /** Starts a sandbox and waits until its bootstrap is ready for code. */
    @Override
    public SandboxProcess start() throws IOException {
        String compiled = compiledBootstrap();
        int uid = uids.lease();
        CgroupV1 group;
        try {
            group = cgroups.newGroup(limits.memoryBytes(), limits.processes() + OWN_TASKS);
        } catch (IOException | RuntimeException e) {
            uids.release(uid);
            throw e;
        }
        SandboxProcess sandbox;
        try {
            ProcessBuilder builder = new ProcessBuilder(command(uid, compiled)).directory(new File("/"));
            builder.environment().clear();
            sandbox = new SandboxProcess(group.startInside(builder), group, () -> uids.release(uid));
        } catch (IOException | RuntimeException e) {
            group.destroy();
            uids.release(uid);
            throw e;
        }
        sandbox.ready(timer, READY_TIMEOUT_MILLIS);
        group.waiting();
        return sandbox;
    }

    private List<String> command(int uid, String compiled) {
        List<String> cmd = new ArrayList<>(List.of(
                settings.setpriv().toString(),
                "--reuid=" + uid,
                "--regid=" + uid,
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs"));
        cmd.add(settings.bwrap().toString());
        cmd.addAll(bwrapOptions());
        cmd.addAll(List.of(settings.python().toString(), "-c", LOAD_COMPILED, compiled, "/tmp"));
        cmd.addAll(List.of(
                Long.toString(limits.openFiles()),
                Long.toString(limits.fileSizeBytes()),
                Long.toString(limits.cpuTime().toSeconds() + 2),
                Long.toString(limits.processes() + OWN_TASKS + NPROC_ROOM)));
        return cmd;
    }

    private List<String> bwrapOptions() {
        String options = """
                --unshare-all --unshare-user --disable-userns --die-with-parent --new-session
                --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/sbin /sbin
                --symlink usr/lib /lib --symlink usr/lib64 /lib64
                --proc /proc --dev /dev
                --size %d --tmpfs /tmp --size %d --tmpfs /dev/shm
                --clearenv --setenv PATH /usr/bin:/bin --setenv HOME /tmp --setenv LANG C.UTF-8
                --setenv PYTHONUNBUFFERED 1 --setenv PYTHONDONTWRITEBYTECODE 1
                --uid %s --gid %s --hostname sandbox --chdir /tmp
                """.formatted(limits.tmpBytes(), limits.shmBytes(), SANDBOX_UID, SANDBOX_UID);
        return List.of(options.trim().split("\\s+"));
    }

    /**
     * The bootstrap compiled once by the sandbox's own interpreter (marshal's format belongs to one Python version),
     * run outside the sandbox on nothing but the bootstrap's source.
     */
    private synchronized String compiledBootstrap() throws IOException {
        if (compiledBootstrap == null) {
            ProcessBuilder builder = new ProcessBuilder(settings.python().toString(), "-I", "-S", "-c", COMPILE)
                    .directory(new File("/"));
            builder.environment().clear();
            Process python = builder.start();
            try (OutputStream in = python.getOutputStream()) {
                in.write(bootstrap.getBytes(StandardCharsets.UTF_8));
            }
            String hex = new String(python.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String error = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (python.waitFor() != 0 || hex.isEmpty()) {
                    throw new IOException(settings.python() + " could not compile the sandbox's bootstrap: " + error);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while compiling the sandbox's bootstrap", e);
            }
            compiledBootstrap = hex;
        }
        return compiledBootstrap;
    }

    static String readBootstrap() {
        try (InputStream in = BwrapSandbox.class.getResourceAsStream("/runner/bootstrap.py")) {
            if (in == null) {
                throw new IllegalStateException("runner/bootstrap.py is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
