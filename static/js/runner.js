/*
 * Lectern's runner in the browser: every .code-block.runnable becomes a CodeMirror editor with a console under it.
 * The code runs in a sandbox on the server, over one WebSocket per page (/ws/run, JSON frames; docs/runner.md).
 * The console's markup and texts come from <template id="runner-console"> (templates/runner/fragments.html).
 */
(function () {
  'use strict';

  const template = document.getElementById('runner-console');
  if (!template) {
    return;
  }

  /**
   * A page's connection to one of the server's sockets (/ws/run here, /ws/check in check.js), opened when first
   * needed. The server serves one request per connection at a time; its frames go to the owner of the last one sent.
   */
  function socketTo(path) {
    return {
      socket: null,
      owner: null,
      pending: [],

      send(owner, frame) {
        this.owner = owner;
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
          this.socket.send(JSON.stringify(frame));
          return;
        }
        this.pending.push(frame);
        if (!this.socket || this.socket.readyState > WebSocket.OPEN) {
          this.open();
        }
      },

      open() {
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(scheme + '//' + location.host + path);
        this.socket = socket;
        socket.addEventListener('open', () => {
          this.pending.splice(0).forEach((frame) => socket.send(JSON.stringify(frame)));
        });
        socket.addEventListener('message', (event) => {
          if (this.owner) {
            this.owner.receive(JSON.parse(event.data));
          }
        });
        socket.addEventListener('close', () => {
          this.pending = [];
          if (this.owner) {
            this.owner.disconnected();
          }
        });
      },
    };
  }

  /** The page's one connection for runs; the server runs one program per connection at a time. */
  const connection = socketTo('/ws/run');
  window.lecternSocketTo = socketTo;

  class RunnerConsole {
    constructor(block) {
      this.block = block;
      const code = block.querySelector('code');
      this.original = code ? code.textContent.replace(/\n$/, '') : '';
      this.root = template.content.firstElementChild.cloneNode(true);
      this.messages = this.root.dataset;
      this.find = (role) => this.root.querySelector('[data-role="' + role + '"]');
      this.button = (action) => this.root.querySelector('[data-action="' + action + '"]');
      this.output = this.find('console');
      this.running = false;
      this.atLineStart = true;
      this.editor = this.createEditor(block, code);
      block.appendChild(this.root);
      this.bind();
      // check.js drives this console too (Check, Run ×N)
      block.runnerConsole = this;
    }

    createEditor(block, code) {
      const body = block.querySelector('.code-body');
      const host = document.createElement('div');
      host.className = 'runner-editor';
      block.insertBefore(host, body ? body.nextSibling : block.firstChild);
      const editor = CodeMirror(host, {
        value: this.original,
        mode: 'python',
        lineNumbers: true,
        indentUnit: 4,
        matchBrackets: true,
        viewportMargin: Infinity,
        extraKeys: {
          'Ctrl-Enter': () => this.run(),
          'Cmd-Enter': () => this.run(),
          // CodeMirror keeps Tab for indenting; Escape is the way out for keyboard users
          Esc: () => this.button('run').focus(),
        },
      });
      editor.getInputField().setAttribute('aria-label', this.messages.msgEditor);
      if (body) {
        body.hidden = true;
      }
      // the page's Copy button copies what is in the editor now
      editor.on('change', () => {
        if (code) {
          code.textContent = editor.getValue();
        }
      });
      return editor;
    }

    bind() {
      this.button('run').addEventListener('click', () => this.run());
      this.button('stop').addEventListener('click', () => connection.send(this, { type: 'stop' }));
      this.button('reset').addEventListener('click', () => this.reset());
      this.button('timestamps').addEventListener('change', (event) => {
        this.output.classList.toggle('runner-show-times', event.target.checked);
      });
      this.find('input-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const field = this.find('input');
        const line = field.value + '\n';
        field.value = '';
        this.append('stdin', line);
        connection.send(this, { type: 'stdin', data: line });
      });
      this.button('eof').addEventListener('click', () => {
        connection.send(this, { type: 'stdin', eof: true });
        this.find('input-form').hidden = true;
      });
    }

    run() {
      if (this.running) {
        return;
      }
      // frames carry no run id: while one console runs, the connection's output is its own
      if (connection.owner && connection.owner !== this && connection.owner.running) {
        this.notice(this.messages.msgOtherRunning);
        return;
      }
      this.output.textContent = '';
      this.atLineStart = true;
      this.find('figures').hidden = true;
      this.setRunning(true, this.messages.msgStarting);
      connection.send(this, {
        type: 'run',
        code: this.editor.getValue(),
        source: {
          course: this.block.dataset.course,
          chapter: this.block.dataset.chapter,
          block: Number(this.block.dataset.block),
        },
      });
    }

    reset() {
      this.editor.setValue(this.original);
      this.output.textContent = '';
      this.find('figures').hidden = true;
      this.find('state').textContent = '';
    }

    receive(frame) {
      switch (frame.type) {
        case 'queued':
          this.find('state').textContent = this.messages.msgQueued + ' ' + frame.position;
          break;
        case 'started':
          this.find('state').textContent = this.messages.msgRunning;
          this.find('input-form').hidden = false;
          break;
        case 'output':
          this.append(frame.stream, frame.data, frame.t);
          break;
        case 'exit':
          this.finish(frame);
          break;
        case 'error':
          this.notice(frame.message);
          this.setRunning(false, '');
          break;
        default:
          break;
      }
    }

    /** Appends output, starting each new line with its time since the start (shown when Timestamps is on). */
    append(stream, text, millis) {
      const lines = text.split(/(?<=\n)/);
      for (const line of lines) {
        const span = document.createElement('span');
        span.className = 'runner-' + stream;
        if (this.atLineStart && millis !== undefined) {
          const time = document.createElement('span');
          time.className = 'runner-time';
          time.textContent = (millis / 1000).toFixed(3) + ' s';
          this.output.appendChild(time);
        }
        span.textContent = line;
        this.output.appendChild(span);
        this.atLineStart = line.endsWith('\n');
      }
      this.output.scrollTop = this.output.scrollHeight;
    }

    notice(text) {
      const note = document.createElement('p');
      note.className = 'runner-notice';
      note.textContent = text;
      this.output.appendChild(note);
    }

    finish(exit) {
      const error = Array.from(this.output.querySelectorAll('.runner-stderr'), (s) => s.textContent).join('');
      if (exit.stackDump) {
        this.notice(this.messages.msgStack);
        this.append('stderr', exit.stackDump);
      }
      this.setRunning(false, '');
      const status = this.find('status');
      // data-msg-status-cpu_limit arrives as dataset.msgStatusCpu_limit
      const key = 'msgStatus' + exit.status.charAt(0).toUpperCase() + exit.status.slice(1);
      status.textContent = this.messages[key] || exit.status;
      status.dataset.status = exit.status;
      const m = this.messages;
      const parts = [];
      if (exit.exitCode !== null && exit.exitCode !== undefined) {
        parts.push(m.msgExitCode + ' ' + exit.exitCode);
      }
      parts.push(m.msgWall + ' ' + exit.wallMs + ' ms', m.msgCpu + ' ' + exit.cpuMs + ' ms');
      parts.push(m.msgMemory + ' ' + (exit.peakMemoryKb / 1024).toFixed(1) + ' MiB', m.msgProcesses + ' ' + exit.processes);
      this.find('summary').textContent = parts.join(' · ');
      const parallelism = exit.wallMs > 0 ? exit.cpuMs / exit.wallMs : 0;
      this.find('parallelism').value = parallelism;
      this.find('parallelism-label').textContent = m.msgParallelism + ': ' + parallelism.toFixed(2) + '×';
      this.find('figures').hidden = false;
      // other parts of the page (the "Ask" panel's "Explain this error") act on the outcome
      this.root.dispatchEvent(new CustomEvent('lectern:run-finished', {
        bubbles: true,
        detail: { status: exit.status, code: this.editor.getValue(), error, stackDump: exit.stackDump || '' },
      }));
    }

    disconnected() {
      if (this.running) {
        this.notice(this.messages.msgDisconnected);
        this.setRunning(false, '');
      }
    }

    setRunning(running, state) {
      this.running = running;
      this.button('run').disabled = running;
      this.button('stop').disabled = !running;
      this.find('state').textContent = state;
      if (!running) {
        this.find('input-form').hidden = true;
      }
    }
  }

  function enhance() {
    if (typeof CodeMirror === 'undefined') {
      return;
    }
    document.querySelectorAll('.code-block.runnable').forEach((block) => new RunnerConsole(block));
  }

  // Content swapped into the page later (the studio's preview) announces itself; its blocks get consoles too.
  document.addEventListener('lectern:content', (event) => {
    if (typeof CodeMirror !== 'undefined') {
      event.target.querySelectorAll('.code-block.runnable').forEach((block) => new RunnerConsole(block));
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
