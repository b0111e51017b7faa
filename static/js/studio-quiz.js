/*
 * The quiz form, enhanced: choosing a kind shows that kind's fields at once (and turns the correct-answer controls
 * into radio buttons for single choice, checkboxes otherwise), leaving with unsaved changes asks first, and the page
 * says when someone else saved the quiz meanwhile. Without JavaScript the form does all of it through its buttons.
 */
(function () {
  'use strict';

  const form = document.getElementById('quiz-form');
  if (!form) {
    return;
  }
  const POLL_MS = 15000;
  const base = document.getElementById('base');
  const others = document.getElementById('others-saved');
  let dirty = false;

  function showKind(question, kind) {
    question.dataset.kind = kind;
    question.querySelectorAll('[data-kinds]').forEach((block) => {
      block.hidden = !block.dataset.kinds.split(' ').includes(kind);
    });
    const type = kind === 'single' ? 'radio' : 'checkbox';
    let checked = false;
    question.querySelectorAll('.quiz-form__correct input').forEach((input) => {
      // A single-choice question keeps the first of several ticked options, as a radio group would.
      if (type === 'radio' && input.checked) {
        input.checked = !checked;
        checked = true;
      }
      input.type = type;
    });
  }

  form.addEventListener('change', (event) => {
    dirty = true;
    if (event.target.matches('.quiz-form__kind select')) {
      showKind(event.target.closest('.quiz-form__question'), event.target.value);
    }
  });
  form.addEventListener('input', () => {
    dirty = true;
  });
  // Every button submits the form with all that was typed, so nothing is lost by leaving through one.
  form.addEventListener('submit', () => {
    dirty = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });

  setInterval(() => {
    if (document.hidden) {
      return;
    }
    fetch(form.dataset.stateUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        if (body && body.sha !== base.value) {
          others.hidden = false;
        }
      })
      .catch(() => {});
  }, POLL_MS);
})();
