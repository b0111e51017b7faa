/*
 * Drag and drop on the studio's course page: a section by its heading, a chapter within its section or into another.
 * The arrow buttons and the "Move to" form do the same by keyboard and without JavaScript. A drop posts the move
 * (as JSON) with the layout the page showed and reloads; when someone else changed the structure meanwhile, the
 * answer shows what was tried and the outline now, and "Redo" sends the same move again on that outline.
 */
(function () {
  'use strict';

  const outline = document.querySelector('.studio-outline');
  if (!outline) {
    return;
  }
  const token = document.querySelector('meta[name="csrf-token"]');
  const announcer = document.getElementById('outline-announcer');
  const errorBox = document.getElementById('outline-error');
  const conflict = document.getElementById('outline-conflict');
  let dragged = null;
  let kind = null;
  let home = null;

  outline.addEventListener('dragstart', (event) => {
    const chapter = event.target.closest('.studio-chapter');
    const head = event.target.closest('.studio-outline__head');
    if (chapter) {
      dragged = chapter;
      kind = 'chapter';
    } else if (head) {
      dragged = head.closest('.studio-outline__section');
      kind = 'section';
    } else {
      return;
    }
    home = { parent: dragged.parentElement, next: dragged.nextSibling };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.dataset.chapter || dragged.dataset.section);
    dragged.classList.add(kind === 'chapter' ? 'studio-chapter--dragging' : 'studio-outline__section--dragging');
  });

  outline.addEventListener('dragover', (event) => {
    if (!dragged) {
      return;
    }
    const section = event.target.closest('.studio-outline__section');
    if (!section) {
      return;
    }
    event.preventDefault();
    if (kind === 'section') {
      if (section !== dragged) {
        place(outline, dragged, section, event.clientY);
      }
      return;
    }
    const over = event.target.closest('.studio-chapter');
    const list = section.querySelector('.studio-outline__chapters');
    if (over && over !== dragged) {
      place(over.parentElement, dragged, over, event.clientY);
    } else if (!over && dragged.parentElement !== list) {
      list.appendChild(dragged);
    }
  });

  outline.addEventListener('drop', (event) => {
    if (!dragged) {
      return;
    }
    event.preventDefault();
    const item = dragged;
    if (kind === 'section') {
      const sections = Array.from(outline.querySelectorAll(':scope > .studio-outline__section'));
      send(item.dataset.moveUrl, { position: sections.indexOf(item) + 1 });
    } else {
      const section = item.closest('.studio-outline__section');
      const chapters = Array.from(item.parentElement.querySelectorAll(':scope > .studio-chapter'));
      send(item.dataset.moveUrl, { section: section.dataset.section, position: chapters.indexOf(item) + 1 });
    }
  });

  outline.addEventListener('dragend', () => {
    if (dragged) {
      dragged.classList.remove('studio-chapter--dragging', 'studio-outline__section--dragging');
    }
    dragged = null;
  });

  /** Puts the item before or after another, by which half of it the pointer is over. */
  function place(parent, item, other, y) {
    const box = other.getBoundingClientRect();
    parent.insertBefore(item, y > box.top + box.height / 2 ? other.nextSibling : other);
  }

  function send(url, fields) {
    const item = dragged;
    announcer.textContent = outline.dataset.movedLabel;
    post(url, Object.assign({ layout: outline.dataset.layout }, fields)).then(({ status, body }) => {
      if (status === 200) {
        window.location.reload();
        return;
      }
      // The outline shows what the server has, not the drop it refused.
      if (home && home.parent && item) {
        home.parent.insertBefore(item, home.next);
      }
      if (status === 409 && body) {
        showConflict(url, fields, body);
      } else {
        fail(body && body.error ? body.error : outline.dataset.failedLabel);
      }
    }, () => fail(outline.dataset.failedLabel));
  }

  function post(url, fields) {
    return fetch(url, {
      method: 'POST',
      headers: { 'X-CSRF-Token': token ? token.content : '', Accept: 'application/json' },
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
    }).then((response) => response.json().then(
      (body) => ({ status: response.status, body }),
      () => ({ status: response.status, body: null })));
  }

  function fail(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    announcer.textContent = message;
  }

  /** What was tried and the outline now, with Redo (the same move on that outline) and Leave it. */
  function showConflict(url, fields, answer) {
    conflict.querySelector('.outline-conflict__error').textContent = answer.error;
    conflict.querySelector('.outline-conflict__tried').textContent = answer.change;
    const now = conflict.querySelector('.outline-conflict__now');
    now.replaceChildren(...answer.outline.map((section) => {
      const item = document.createElement('li');
      item.dataset.section = section.slug;
      item.append(section.title);
      const chapters = document.createElement('ol');
      section.chapters.forEach((chapter) => {
        const entry = document.createElement('li');
        entry.dataset.chapter = chapter.slug;
        entry.textContent = chapter.title;
        chapters.append(entry);
      });
      item.append(chapters);
      return item;
    }));
    const refused = conflict.querySelector('.outline-conflict__refused');
    refused.textContent = answer.redoRefused || '';
    refused.hidden = answer.redo;
    const redo = conflict.querySelector('.outline-conflict__redo');
    redo.hidden = !answer.redo;
    redo.onclick = () => {
      outline.dataset.layout = answer.layout;
      send(url, fields);
    };
    conflict.querySelector('.outline-conflict__discard').onclick = () => window.location.reload();
    conflict.hidden = false;
    conflict.scrollIntoView({ block: 'nearest' });
    (answer.redo ? redo : conflict.querySelector('.outline-conflict__discard')).focus();
  }
})();
