package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/** The console's template renders in both languages, and every runner text it uses exists in both bundles. */
class RunnerConsoleTemplateTest {
    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void bothBundlesHaveTheSameRunnerKeys() throws IOException {
        assertThat(runnerKeys(bundle("messages.properties"))).isEqualTo(runnerKeys(bundle("messages_nl.properties")));
    }

    @Test
    void everyTextTheConsoleUsesIsInTheBundles() throws IOException {
        Matcher m = Pattern.compile("#\\{(runner\\.[A-Za-z0-9_.]+)}")
                .matcher(Files.readString(TEMPLATES.resolve("runner/fragments.html")));
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(runnerKeys(bundle("messages.properties"))).containsAll(used);
    }

    @Test
    void theConsoleRendersInDutch() throws IOException {
        String html = renderDutch(new Context(Locale.forLanguageTag("nl")));
        assertThat(html)
                .contains(
                        "<template id=\"runner-console\">", "role=\"log\"", ">Uitvoeren<", "data-msg-status-cpu_limit=")
                .doesNotContain("??")
                .doesNotContain("runner-unsandboxed");
    }

    @Test
    void theConsoleWarnsWhenNothingIsSandboxed() throws IOException {
        Context context = new Context(Locale.forLanguageTag("nl"));
        context.setVariable("runnerUnsandboxed", true);
        assertThat(renderDutch(context))
                .contains("class=\"runner-unsandboxed\"", "zonder sandbox")
                .doesNotContain("??");
    }

    private static String renderDutch(Context context) throws IOException {
        Properties dutch = bundle("messages_nl.properties");
        FileTemplateResolver files = new FileTemplateResolver();
        files.setPrefix(TEMPLATES.toAbsolutePath() + "/");
        files.setSuffix(".html");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(files);
        engine.setMessageResolver(new AbstractMessageResolver() {
            @Override
            public String resolveMessage(ITemplateContext c, Class<?> origin, String key, Object[] params) {
                return dutch.getProperty(key);
            }

            @Override
            public String createAbsentMessageRepresentation(
                    ITemplateContext c, Class<?> origin, String key, Object[] params) {
                return "??" + key + "??";
            }
        });
        return engine.process("runner/fragments", Set.of("console"), context);
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(TEMPLATES.resolve("i18n").resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> runnerKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().stream()
                .filter(k -> k.startsWith("runner."))
                .forEach(keys::add);
        return keys;
    }
}
