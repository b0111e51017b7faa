// Chapter quizzes: Parsons problems by keyboard (buttons, Alt+Arrow keys) and by drag and drop, announcing
// results, and showing why an answer was refused. Answers themselves go through htmx (hx-post on each form).
(function () {
  "use strict";

  function quiz() {
    return document.querySelector(".quiz");
  }

  function announce(text) {
    const region = document.getElementById("quiz-announcer");
    if (region) {
      region.textContent = "";
      // A fresh text node, so the same words twice are announced twice.
      window.setTimeout(() => { region.textContent = text; }, 50);
    }
  }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));
  }

  // The hidden field of each line carries its indentation, which is what the server grades.
  function sync(line) {
    const parsons = line.closest(".parsons");
    const unit = parsons.dataset.indentUnit || "    ";
    const level = Number(line.dataset.level || "0");
    line.querySelector("input[name='line']").value = unit.repeat(level) + line.querySelector("code").textContent;
    line.className = line.className.replace(/\bparsons__line--l\d+\b/g, "").trim() + " parsons__line--l" + level;
  }

  function describe(line) {
    const lines = Array.from(line.parentElement.children);
    const q = quiz();
    if (q && q.dataset.movedLabel) {
      announce(format(q.dataset.movedLabel, [lines.indexOf(line) + 1, lines.length, line.dataset.level]));
    }
  }

  function move(line, how) {
    const list = line.parentElement;
    if (how === "up" && line.previousElementSibling) {
      list.insertBefore(line, line.previousElementSibling);
    } else if (how === "down" && line.nextElementSibling) {
      list.insertBefore(line.nextElementSibling, line);
    } else if (how === "indent") {
      line.dataset.level = String(Math.min(8, Number(line.dataset.level || "0") + 1));
    } else if (how === "outdent") {
      line.dataset.level = String(Math.max(0, Number(line.dataset.level || "0") - 1));
    } else {
      return;
    }
    sync(line);
    describe(line);
  }

  const KEYS = { ArrowUp: "up", ArrowDown: "down", ArrowRight: "indent", ArrowLeft: "outdent" };

  document.addEventListener("keydown", (event) => {
    const line = event.target.closest && event.target.closest(".parsons__line");
    if (!line || !event.altKey || !KEYS[event.key]) {
      return;
    }
    event.preventDefault();
    move(line, KEYS[event.key]);
    // The line keeps focus wherever it went, or the button pressed stays focused.
    if (event.target === line) {
      line.focus();
    }
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".parsons__button");
    if (button) {
      event.preventDefault();
      move(button.closest(".parsons__line"), button.dataset.move);
      button.focus();
    }
  });

  let dragged = null;
  document.addEventListener("dragstart", (event) => {
    dragged = event.target.closest && event.target.closest(".parsons__line");
    if (dragged) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.querySelector("code").textContent);
      dragged.classList.add("parsons__line--dragging");
    }
  });
  document.addEventListener("dragover", (event) => {
    const over = event.target.closest && event.target.closest(".parsons__line");
    if (dragged && over && over.parentElement === dragged.parentElement) {
      event.preventDefault();
      const box = over.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      over.parentElement.insertBefore(dragged, after ? over.nextElementSibling : over);
    }
  });
  document.addEventListener("drop", (event) => {
    if (dragged) {
      event.preventDefault();
      sync(dragged);
    }
  });
  document.addEventListener("dragend", () => {
    if (dragged) {
      dragged.classList.remove("parsons__line--dragging");
      describe(dragged);
      dragged = null;
    }
  });

  // After an answer: announce the verdict, and keep focus inside the question that was replaced.
  document.addEventListener("htmx:afterSwap", (event) => {
    const question = event.detail.target && event.detail.target.id
      ? document.getElementById(event.detail.target.id)
      : null;
    if (!question) {
      return;
    }
    const verdict = question.querySelector(".quiz-result__verdict");
    if (verdict) {
      announce(verdict.textContent);
    }
    const focusable = question.querySelector(".quiz-result") || question;
    focusable.setAttribute("tabindex", "-1");
    focusable.focus();
  });

  // A refused answer (400) says why in the question; anything else gets a general message.
  document.addEventListener("htmx:responseError", (event) => {
    const form = event.detail.elt.closest("form");
    const region = form && form.querySelector(".quiz-error");
    if (!region) {
      return;
    }
    const q = quiz();
    const xhr = event.detail.xhr;
    region.textContent = xhr.status === 400 && xhr.getResponseHeader("Content-Type").startsWith("text/plain")
      ? xhr.responseText
      : (q && q.dataset.errorLabel) || "Error";
  });

  document.addEventListener("htmx:beforeRequest", (event) => {
    const region = event.detail.elt.closest("form") && event.detail.elt.closest("form").querySelector(".quiz-error");
    if (region) {
      region.textContent = "";
    }
  });
})();
