/*
 * The chapter editor: CodeMirror over the source textarea, a live preview rendered by the server (the renderer
 * learners get), autosave of the draft, and the optimistic-lock conflict shown with both versions. Without
 * JavaScript the form still saves and the conflict page still shows both versions.
 */
(function () {
  'use strict';

  const form = document.getElementById('editor-form');
  if (!form) {
    return;
  }
  const PREVIEW_DELAY_MS = 500;
  const AUTOSAVE_DELAY_MS = 3000;
  const POLL_MS = 15000;
  const textarea = document.getElementById('source');
  const base = document.getElementById('base');
  const status = document.getElementById('editor-status');
  const others = document.getElementById('others-saved');
  const conflict = document.getElementById('conflict');
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const msg = (name) => form.dataset['msg' + name.charAt(0).toUpperCase() + name.slice(1)];

  let editor = null;
  if (typeof CodeMirror !== 'undefined') {
    editor = CodeMirror.fromTextArea(textarea, {
      mode: form.dataset.mode || 'markdown',
      lineNumbers: true,
      lineWrapping: true,
      inputStyle: 'contenteditable',
      screenReaderLabel: msg('source'),
    });
  }
  const text = () => (editor ? editor.getValue() : textarea.value);
  const setText = (value) => (editor ? editor.setValue(value) : (textarea.value = value));

  let previewTimer = null;
  let saveTimer = null;
  let saving = false;
  let dirty = false;
  let overwrite = null;
  let inflight = Promise.resolve();

  function post(url, fields, json) {
    const headers = { 'X-CSRF-Token': token };
    if (json) {
      headers.Accept = 'application/json';
    }
    return fetch(url, { method: 'POST', headers, body: new URLSearchParams(fields), credentials: 'same-origin' });
  }

  function preview() {
    post(form.dataset.previewUrl, { text: text() }, false)
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const old = document.getElementById('preview-body');
        const holder = document.createElement('div');
        holder.innerHTML = html;
        const fresh = holder.firstElementChild;
        old.replaceWith(fresh);
        // Runnable blocks in the fresh preview become editors with consoles, like on the learner's page.
        fresh.dispatchEvent(new CustomEvent('lectern:content', { bubbles: true }));
        if (typeof hljs !== 'undefined') {
          fresh.querySelectorAll('pre code').forEach((block) => hljs.highlightElement(block));
        }
      })
      .catch(() => {});
  }

  function save(message) {
    if (saving) {
      return inflight;
    }
    saving = true;
    clearTimeout(saveTimer);
    status.textContent = msg('saving');
    const sent = text();
    inflight = post(form.action, { text: sent, base: overwrite || base.value, message: message || '' }, true)
      .then((response) => response.json().then((body) => ({ status: response.status, body })))
      .then(({ status: code, body }) => {
        if (code === 200) {
          base.value = body.sha;
          overwrite = null;
          conflict.hidden = true;
          others.hidden = true;
          dirty = text() !== sent;
          status.textContent = dirty ? msg('unsaved') : msg('saved');
        } else if (code === 409) {
          showConflict(body.theirs, body.sha, sent);
        } else {
          status.textContent = body.error || msg('failed');
        }
      })
      .catch(() => {
        status.textContent = msg('failed');
      })
      .finally(() => {
        saving = false;
      });
    return inflight;
  }

  function showConflict(theirs, theirSha, yours) {
    document.getElementById('conflict-theirs').textContent = theirs;
    document.getElementById('conflict-yours').textContent = yours;
    conflict.hidden = false;
    conflict.dataset.sha = theirSha;
    status.textContent = '';
    conflict.scrollIntoView({ block: 'start' });
  }

  function changed() {
    dirty = true;
    status.textContent = msg('unsaved');
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
    clearTimeout(saveTimer);
    // While a conflict is open nothing is saved on its own: the author chooses.
    if (conflict.hidden) {
      saveTimer = setTimeout(() => save(''), AUTOSAVE_DELAY_MS);
    }
  }

  if (editor) {
    editor.on('change', changed);
  } else {
    textarea.addEventListener('input', changed);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (event.submitter && event.submitter.id === 'keep-mine') {
      overwrite = conflict.dataset.sha || null;
    }
    const message = document.getElementById('message');
    save(message.value);
    message.value = '';
  });

  document.getElementById('take-theirs').addEventListener('click', (event) => {
    if (!conflict.dataset.sha) {
      return;
    }
    event.preventDefault();
    setText(document.getElementById('conflict-theirs').textContent);
    base.value = conflict.dataset.sha;
    conflict.hidden = true;
    clearTimeout(saveTimer);
    dirty = false;
    status.textContent = msg('saved');
  });

  // Verify runs the saved draft: unsaved text is saved first, and a conflict stops it so the author chooses.
  const verify = document.getElementById('verify-form');
  if (verify) {
    verify.addEventListener('submit', (event) => {
      const button = verify.querySelector('button[type="submit"]');
      if (!dirty && !saving) {
        button.disabled = true;
        return;
      }
      event.preventDefault();
      clearTimeout(saveTimer);
      inflight
        .then(() => (dirty ? save('') : null))
        .then(() => {
          if (!dirty && conflict.hidden) {
            button.disabled = true;
            verify.submit();
          }
        });
    });
  }

  // A conflict rendered by the server (a save without JavaScript): keeping mine overwrites their save.
  if (!conflict.hidden) {
    conflict.dataset.sha = base.value;
  }

  setInterval(() => {
    if (saving || document.hidden) {
      return;
    }
    fetch(form.dataset.stateUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        if (body && body.sha !== base.value && !saving && conflict.hidden) {
          others.hidden = false;
        }
      })
      .catch(() => {});
  }, POLL_MS);

  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });
})();
