package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Properties read through the cached accessor come out as OGNL's own accessor gives them. */
class CachedPropertyAccessorTest {
    public record Chapter(String title, int number, Section section) {
        public String label() {
            return "Chapter " + number;
        }
    }

    public record Section(String title) {}

    public static final class Bean {
        public final String field = "a public field";

        public String getName() {
            return "from the getter";
        }

        /** Same name as the getter's property: OGNL prefers the getter, and so must the cache. */
        public String name() {
            return "from the plain method";
        }

        public boolean isPublished() {
            return true;
        }

        public String failing() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    private static TemplateEngine engine;

    @BeforeAll
    static void engine() {
        CachedPropertyAccessor.install();
        engine = new TemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        engine.setTemplateResolver(resolver);
    }

    private static String render(String template, Map<String, Object> variables) {
        return engine.process(template, new Context(null, variables));
    }

    @Test
    void readsRecordComponentsAndPlainMethodsByPropertyName() {
        var chapter = new Chapter("Locks", 2, new Section("Threads"));
        String template = "[(${c.title})] [(${c.number})] [(${c.section.title})] [(${c.label})]";

        // twice: the second evaluation takes the methods from the cache
        assertThat(render(template, Map.of("c", chapter))).isEqualTo("Locks 2 Threads Chapter 2");
        assertThat(render(template, Map.of("c", new Chapter("Queues", 4, new Section("Pools")))))
                .isEqualTo("Queues 4 Pools Chapter 4");
    }

    @Test
    void prefersGettersAndFallsBackToPublicFieldsAsOgnlDoes() {
        String template = "[(${b.name})] / [(${b.published})] / [(${b.field})]";

        assertThat(render(template, Map.of("b", new Bean()))).isEqualTo("from the getter / true / a public field");
    }

    @Test
    void leavesMapsAndListsToTheirOwnAccessors() {
        assertThat(render(
                        "[(${m.title})] [(${l.size})]", Map.of("m", Map.of("title", "from the map"), "l", List.of(1))))
                .isEqualTo("from the map 1");
    }

    @Test
    void aMissingPropertyAndAFailingMethodStillFailTheTemplate() {
        assertThatThrownBy(() -> render("[(${c.nothing})]", Map.of("c", new Section("x"))))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("nothing");
        assertThatThrownBy(() -> render("[(${b.failing})]", Map.of("b", new Bean())))
                .isInstanceOf(TemplateProcessingException.class)
                .hasStackTraceContaining("broken on purpose");
    }

    @Test
    void aMemberThymeleafForbidsStaysForbiddenAtEveryEvaluation() {
        // Thymeleaf blocks member calls on most java.* types; a permitted read of the same name elsewhere changes
        // nothing
        Map<String, Object> variables = Map.of("t", Thread.currentThread(), "b", new Bean());
        assertThat(render("[(${b.name})]", variables)).isEqualTo("from the getter");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> render("[(${t.name})]", variables))
                    .isInstanceOf(TemplateProcessingException.class)
                    .hasStackTraceContaining("forbidden");
        }
        assertThat(render("[(${b.name})]", variables)).isEqualTo("from the getter");
    }
}
