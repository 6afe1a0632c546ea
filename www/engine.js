// The page's side of the worker: one request at a time, only the newest per document, and a new
// worker when one dies.
//
// Typing fast asks for a summary on every pause: a request that a newer one for the same document
// replaces before it is sent is never sent, and the answer to one already sent is dropped, so
// results never arrive out of order and a 1 MB text is not summarized once per keystroke.

/** What `request` resolves to when a newer request for the same document replaced it. */
export const SUPERSEDED = Symbol("superseded");

/** Worker failures in a row, with no answer in between, after which the engine gives up. */
const MAX_RESTARTS = 3;

export class Engine {
  /**
   * @param {() => Worker} createWorker starts a worker that speaks worker.js's protocol
   * @param {{ onReady?: () => void, onBroken?: (message: string) => void }} [events]
   */
  constructor(createWorker, events = {}) {
    this.createWorker = createWorker;
    this.events = events;
    this.nextId = 1;
    /** The newest request id per document key. */
    this.latest = new Map();
    /** Requests not yet sent, by document key (Map order: first asked, first sent). */
    this.waiting = new Map();
    this.inflight = null;
    this.failures = 0;
    this.broken = null;
    this.ready = false;
    this.start();
  }

  /**
   * Summarizes `text` for the document `key`. Resolves to the worker's answer
   * ({ summary, ranked, ms }) or to SUPERSEDED; rejects with an Error when summarizing fails.
   */
  request(key, text, options, scores = false) {
    if (this.broken) return Promise.reject(new Error(this.broken));
    const id = this.nextId++;
    this.latest.set(key, id);
    const replaced = this.waiting.get(key);
    if (replaced) {
      this.waiting.delete(key);
      replaced.resolve(SUPERSEDED);
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { id, key, message: { id, text, options, scores }, resolve, reject });
      this.pump();
    });
  }

  /** Forgets a document: its waiting request is dropped and a late answer is ignored. */
  forget(key) {
    this.latest.delete(key);
    const waiting = this.waiting.get(key);
    if (waiting) {
      this.waiting.delete(key);
      waiting.resolve(SUPERSEDED);
    }
  }

  start() {
    this.ready = false;
    this.worker = this.createWorker();
    this.worker.onmessage = ({ data }) => this.answer(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.died(event.message || "the worker failed to load");
    };
    this.worker.onmessageerror = () => this.died("an answer could not be read");
  }

  pump() {
    if (this.inflight || !this.ready || this.waiting.size === 0) return;
    const [key, next] = this.waiting.entries().next().value;
    this.waiting.delete(key);
    this.inflight = next;
    this.worker.postMessage(next.message);
  }

  answer(data) {
    if (data.ready) {
      this.ready = true;
      this.events.onReady?.();
      this.pump();
      return;
    }
    if (data.failed !== undefined) {
      this.died(`the summarizer could not start: ${data.failed}`);
      return;
    }
    const done = this.inflight;
    if (!done || done.id !== data.id) return;
    this.inflight = null;
    this.failures = 0;
    if (this.latest.get(done.key) !== done.id) {
      done.resolve(SUPERSEDED);
    } else if (data.error !== undefined) {
      done.reject(new Error(data.error));
    } else {
      done.resolve({ summary: data.summary, ranked: data.ranked, ms: data.ms });
    }
    if (data.fatal) {
      this.restart();
    } else {
      this.pump();
    }
  }

  /** The worker is gone: the request it had fails, and a new worker takes the rest. */
  died(message) {
    const lost = this.inflight;
    this.inflight = null;
    lost?.reject(new Error(`The summarizer stopped (${message}) and was restarted.`));
    this.failures += 1;
    if (this.failures >= MAX_RESTARTS) {
      this.worker.terminate();
      this.broken = `The summarizer stopped working: ${message}. Reload the page to try again.`;
      for (const w of this.waiting.values()) w.reject(new Error(this.broken));
      this.waiting.clear();
      this.events.onBroken?.(this.broken);
      return;
    }
    this.restart();
  }

  restart() {
    this.worker.terminate();
    this.start();
  }
}
