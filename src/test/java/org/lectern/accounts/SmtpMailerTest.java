package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lectern.config.Config;

/** The SMTP path against a minimal SMTP server on loopback that records what it receives. */
class SmtpMailerTest {
    @Test
    void aMailReachesTheSmtpServerWithItsRecipientSubjectAndText() throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread smtp = new Thread(() -> serveOne(server, received), "fake-smtp");
            smtp.setDaemon(true);
            smtp.start();
            var config = new Config.Smtp("127.0.0.1", server.getLocalPort(), "", "", "lectern@example.org", false);
            new SmtpMailer(config).send("ann@example.org", "Reset your password", "Open https://x/reset?token=abc");
            String conversation = received.poll(20, TimeUnit.SECONDS);
            assertThat(conversation).isNotNull();
            assertThat(conversation)
                    .contains("MAIL FROM:<lectern@example.org>", "RCPT TO:<ann@example.org>")
                    .contains("Subject: Reset your password", "Open https://x/reset?token=abc");
        }
    }

    /** Speaks just enough SMTP for one mail and hands over everything the client said. */
    private static void serveOne(ServerSocket server, BlockingQueue<String> received) {
        StringBuilder said = new StringBuilder();
        try (Socket client = server.accept();
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.print("220 fake ESMTP\r\n");
            out.flush();
            boolean data = false;
            for (String line; (line = in.readLine()) != null; ) {
                said.append(line).append('\n');
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        out.print("250 queued\r\n");
                    }
                } else if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                    out.print("250 fake\r\n");
                } else if (line.startsWith("DATA")) {
                    data = true;
                    out.print("354 go ahead\r\n");
                } else if (line.startsWith("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    break;
                } else {
                    out.print("250 ok\r\n");
                }
                out.flush();
            }
        } catch (IOException e) {
            said.append("failed: ").append(e);
        }
        received.offer(said.toString());
    }
}
