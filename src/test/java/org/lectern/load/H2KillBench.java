package org.lectern.load;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lectern.config.Config;
import org.lectern.testing.TestFiles;

/**
 * {@code bench/h2-kill}: the embedded database alone, with Lectern's URL, under SIGKILL. A writer in a JVM of its own
 * commits small transactions from many threads (rows with a foreign key and a unique index, an upsert of a hot row,
 * some larger transactions and deletes, so that H2 frees and reuses space), and notes each id in a file only after its
 * commit returned. It is killed at a random moment, the file is reopened, and every noted id must be there. The same
 * file carries on over the runs, so that it grows and its space is reused as a server's does.
 */
public final class H2KillBench {
    private static final int THREADS = 16;
    private static final int POOL = 10;
    private static final double COMMITS_PER_SECOND = 150;

    private H2KillBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("writer")) {
            write(args[1], Path.of(args[2]));
            return;
        }
        Map<String, String> env = System.getenv();
        int runs = Integer.parseInt(env.getOrDefault("H2KILL_RUNS", "10"));
        int shortest = Integer.parseInt(env.getOrDefault("H2KILL_MIN_SECONDS", "20"));
        int longest = Integer.parseInt(env.getOrDefault("H2KILL_MAX_SECONDS", "90"));
        String extra = env.getOrDefault("H2KILL_EXTRA", "");
        Path work = Files.createTempDirectory("lectern-h2kill-");
        String url = Config.h2Url(work.resolve("data"), true) + extra;
        System.out.println("H2 under kill -9: " + runs + " runs of " + shortest + " to " + longest + " s, " + url);
        int losing = 0;
        try {
            for (int run = 1; run <= runs; run++) {
                long seconds = ThreadLocalRandom.current().nextLong(shortest, longest + 1);
                Path acks = Files.createDirectories(work.resolve("acks-" + run));
                Process writer = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                H2KillBench.class.getName(),
                                "writer",
                                url,
                                acks.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("writer-" + run + ".log").toFile())
                        .start();
                boolean ended = writer.waitFor(seconds, TimeUnit.SECONDS);
                long killedAt = System.currentTimeMillis();
                writer.destroyForcibly().waitFor();
                if (ended) {
                    System.out.println("run " + run + ": the writer stopped by itself, see "
                            + work.resolve("writer-" + run + ".log"));
                    return;
                }
                List<Ack> missing = missing(url, acks);
                if (!missing.isEmpty()) {
                    losing++;
                }
                System.out.printf(
                        "run %d: killed after %d s, file %d MB; acknowledged commits missing: %s%n",
                        run,
                        seconds,
                        Files.size(work.resolve("data/lectern.mv.db")) >> 20,
                        missing.isEmpty()
                                ? "none"
                                : missing.size() + ", acknowledged "
                                        + missing.stream()
                                                .map(a -> (killedAt - a.millis()) + " ms")
                                                .toList()
                                        + " before the kill");
            }
            System.out.println(losing + " of " + runs + " runs lost acknowledged commits");
        } finally {
            TestFiles.deleteTree(work);
        }
        System.exit(losing == 0 ? 0 : 1);
    }

    private record Ack(long id, long millis) {}

    /** The ids this run noted that the database does not hold (a run's losses stay lost in the next ones). */
    private static List<Ack> missing(String url, Path acks) throws SQLException, IOException {
        Set<Long> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id from parent")) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        try (Stream<Path> files = Files.list(acks)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ack-"))
                    .flatMap(f -> lines(f).stream())
                    .map(line -> line.split(" "))
                    // a line the kill cut short was never complete, so its commit was not yet noted
                    .filter(parts -> parts.length == 3 && parts[2].equals("."))
                    .map(parts -> new Ack(Long.parseLong(parts[0]), Long.parseLong(parts[1])))
                    .filter(a -> !stored.contains(a.id()))
                    .toList();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writer: commits until it is killed, noting each id after its commit returned. */
    private static void write(String url, Path acks) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists parent(id bigint primary key, name varchar(100) not null unique,"
                    + " payload varchar(2000))");
            s.execute("create table if not exists child(id bigint primary key, parent_id bigint not null"
                    + " references parent(id), k varchar(50) not null, v varchar(500), unique(parent_id, k))");
            s.execute("create table if not exists hot(k int primary key, cnt bigint not null)");
            s.execute("create table if not exists junk(id bigint primary key, owner int not null, payload"
                    + " varchar(4000))");
        }
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(POOL);
        for (int i = 0; i < POOL; i++) {
            Connection c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            pool.add(c);
        }
        long start = System.currentTimeMillis();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                try (OutputStream ack =
                        new FileOutputStream(acks.resolve("ack-" + thread).toFile())) {
                    commitForever(pool, ack, (start / 1000 % 10_000_000) * 100 + thread);
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            });
            writer.start();
        }
        Thread.currentThread().join();
    }

    private static void commitForever(BlockingQueue<Connection> pool, OutputStream ack, long base) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String text = "x".repeat(4000);
        long pause = (long) (1000 * THREADS / COMMITS_PER_SECOND);
        for (long n = 1; ; n++) {
            long id = base * 100_000 + n;
            int kind = random.nextInt(100);
            Connection c = pool.take();
            try {
                try (PreparedStatement p = c.prepareStatement("insert into parent values (?, ?, ?)")) {
                    p.setLong(1, id);
                    p.setString(2, "p" + id);
                    p.setString(3, text.substring(0, random.nextInt(300)));
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("insert into child values (?, ?, ?, ?)")) {
                    int children = kind < 10 ? 50 : random.nextInt(4);
                    for (int j = 0; j < children; j++) {
                        p.setLong(1, id * 100 + j);
                        p.setLong(2, id);
                        p.setString(3, "k" + j);
                        p.setString(4, text.substring(0, random.nextInt(200)));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                if (kind < 50) {
                    try (PreparedStatement p = c.prepareStatement("merge into hot key(k) values (?, coalesce("
                            + "(select cnt from hot where k = ?), 0) + 1)")) {
                        int k = random.nextInt(20);
                        p.setInt(1, k);
                        p.setInt(2, k);
                        p.executeUpdate();
                    }
                } else if (kind < 70) {
                    try (PreparedStatement p = c.prepareStatement("insert into junk values (?, ?, ?)")) {
                        p.setLong(1, id);
                        p.setInt(2, random.nextInt(50));
                        p.setString(3, text.substring(0, 500 + random.nextInt(3500)));
                        p.executeUpdate();
                    }
                } else if (kind < 90) {
                    try (PreparedStatement p = c.prepareStatement(
                            "delete from junk where id in (select id from junk where owner = ? order by id limit ?)")) {
                        p.setInt(1, random.nextInt(50));
                        p.setInt(2, 1 + random.nextInt(30));
                        p.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                continue;
            } finally {
                pool.put(c);
            }
            // only now, and in one write, so that a killed writer never notes a commit that did not return
            ack.write((id + " " + System.currentTimeMillis() + " .\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(random.nextLong(pause / 2, pause * 3 / 2 + 1));
        }
    }
}
