// Lectern's page behaviour: highlighting, copy buttons, the header and chapter menus and the table of contents.
// Labels come from data attributes the server fills in the reader's language.
(function () {
  "use strict";

  const labels = document.body.dataset;

  function highlight() {
    if (!window.hljs) {
      return;
    }
    document.querySelectorAll(".code-block pre.code code[class^='language-']").forEach((block) => {
      window.hljs.highlightElement(block);
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on a LAN: fall back to a selection the browser may copy.
    return new Promise((resolve, reject) => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      ok ? resolve() : reject(new Error("copy refused"));
    });
  }

  function addCopyButtons() {
    document.querySelectorAll(".code-block").forEach((block) => {
      const toolbar = block.querySelector(".code-toolbar");
      if (!toolbar) {
        return;
      }
      if (block.classList.contains("output-sample")) {
        toolbar.querySelector(".code-lang").textContent = labels.outputLabel;
        return;
      }
      if (toolbar.querySelector(".copy-button")) {
        return;
      }
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = labels.copyLabel;
      button.addEventListener("click", () => {
        // The editor, when the runner replaced the block with one, holds the current text.
        const source = block.querySelector("pre.code code") || block.querySelector("code");
        const text = typeof block.currentCode === "function" ? block.currentCode() : source.textContent;
        copyText(text).then(
          () => flash(button, labels.copiedLabel, true),
          () => flash(button, labels.copyFailedLabel, false));
      });
      toolbar.appendChild(button);
    });
  }

  function flash(button, text, ok) {
    button.textContent = text;
    button.classList.toggle("is-done", ok);
    window.clearTimeout(button.resetTimer);
    button.resetTimer = window.setTimeout(() => {
      button.textContent = labels.copyLabel;
      button.classList.remove("is-done");
    }, 1800);
  }

  function menu() {
    const toggle = document.querySelector(".menu-toggle");
    const sidebar = document.querySelector(".chapter-sidebar");
    if (!toggle || !sidebar) {
      return;
    }
    const label = toggle.querySelector("span");
    const set = (open) => {
      sidebar.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", String(open));
      label.textContent = open ? toggle.dataset.closeLabel : toggle.dataset.openLabel;
      if (open) {
        const current = sidebar.querySelector("[aria-current='page']") || sidebar.querySelector("a");
        if (current) {
          current.focus();
        }
      }
    };
    toggle.addEventListener("click", () => set(toggle.getAttribute("aria-expanded") !== "true"));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && sidebar.classList.contains("is-open")) {
        set(false);
        toggle.focus();
      }
    });
  }

  // The header's menu on narrow screens: the toggle shows only when this runs, so without scripts the links
  // stay in the row. Escape, a click elsewhere or focus leaving the menu closes it.
  function siteMenu() {
    const header = document.querySelector(".site-header");
    const toggle = header && header.querySelector(".site-menu-toggle");
    const panel = header && header.querySelector(".site-menu");
    if (!toggle || !panel) {
      return;
    }
    const set = (open) => {
      panel.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
    header.classList.add("has-menu");
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      set(!isOpen());
      if (isOpen()) {
        const first = panel.querySelector("a, input, button");
        if (first) {
          first.focus();
        }
      }
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && isOpen()) {
        set(false);
        toggle.focus();
      }
    });
    document.addEventListener("click", (event) => {
      if (isOpen() && !header.contains(event.target)) {
        set(false);
      }
    });
    panel.addEventListener("focusout", (event) => {
      if (isOpen() && event.relatedTarget && !header.contains(event.relatedTarget)) {
        set(false);
      }
    });
  }

  function tocTracking() {
    const links = Array.from(document.querySelectorAll(".chapter-toc .toc a"));
    if (!links.length || !("IntersectionObserver" in window)) {
      return;
    }
    const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
    const observer = new IntersectionObserver((entries) => {
      entries.forEach((entry) => {
        if (entry.isIntersecting) {
          links.forEach((a) => a.classList.remove("is-active"));
          const link = byId.get(entry.target.id);
          if (link) {
            link.classList.add("is-active");
          }
        }
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    byId.forEach((_, id) => {
      const heading = document.getElementById(id);
      if (heading) {
        observer.observe(heading);
      }
    });
  }

  // htmx requests prove they come from our pages with the token the page carries (signed-in pages only).
  function csrfHeader() {
    const meta = document.querySelector("meta[name='csrf-token']");
    if (!meta) {
      return;
    }
    document.body.addEventListener("htmx:configRequest", (event) => {
      event.detail.headers["X-CSRF-Token"] = meta.content;
    });
  }

  highlight();
  addCopyButtons();
  menu();
  siteMenu();
  tocTracking();
  csrfHeader();
})();
