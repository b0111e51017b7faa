/*
 * Reordering a section's chapters by drag and drop on the studio's course page. The arrow buttons beside each
 * chapter do the same by keyboard (and without JavaScript); a drop posts the new order and reloads the page.
 */
(function () {
  'use strict';

  const token = document.querySelector('meta[name="csrf-token"]');
  const announcer = document.getElementById('outline-announcer');
  let dragged = null;

  document.querySelectorAll('.studio-outline__chapters').forEach((list) => {
    list.addEventListener('dragstart', (event) => {
      dragged = event.target.closest('.studio-chapter');
      if (!dragged || dragged.parentElement !== list) {
        dragged = null;
        return;
      }
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', dragged.dataset.chapter);
      dragged.classList.add('studio-chapter--dragging');
    });
    list.addEventListener('dragover', (event) => {
      const over = event.target.closest('.studio-chapter');
      if (!dragged || !over || over.parentElement !== list) {
        return;
      }
      event.preventDefault();
      if (over !== dragged) {
        const box = over.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
      }
    });
    list.addEventListener('drop', (event) => {
      if (!dragged) {
        return;
      }
      event.preventDefault();
      save(list);
    });
    list.addEventListener('dragend', () => {
      if (dragged) {
        dragged.classList.remove('studio-chapter--dragging');
      }
      dragged = null;
    });
  });

  function save(list) {
    const order = Array.from(list.querySelectorAll('.studio-chapter')).map((item) => item.dataset.chapter);
    announcer.textContent = list.dataset.movedLabel;
    fetch(list.dataset.orderUrl, {
      method: 'POST',
      headers: { 'X-CSRF-Token': token ? token.content : '' },
      body: new URLSearchParams({ order: order.join(',') }),
      credentials: 'same-origin',
    }).then(() => window.location.reload());
  }
})();
