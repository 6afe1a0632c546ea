// The page's side of the worker: one request at a time, only the newest per key, a time limit on
// each, and a new worker when one dies, hangs or panics.
//
// Typing fast asks for a summary on every pause: a request that a newer one for the same key
// replaces before it is sent is never sent, and the answer to one already sent is dropped, so
// results never arrive out of order and a 1 MB text is not summarized once per keystroke.
// Keys are the page's: a document's summary, its key phrases, the combined summary.

/** What `request` resolves to when a newer request for the same key replaced it. */
export const SUPERSEDED = Symbol("superseded");

/** Worker failures in a row, with no answer in between, after which the engine gives up. */
const MAX_RESTARTS = 3;

/**
 * How long a request may take before its worker is presumed stuck, in ms: 10 s and 2 s per MB
 * (million characters) of input. Generous: in Chromium on a 2-core machine 50 MB of prose takes
 * 4 s to summarize and about 10 s for its key phrases, and a phone is several times slower.
 */
export function timeLimit(chars) {
  return 10_000 + 2_000 * (chars / 1_000_000);
}

/** What a request of each kind does, for the message when it takes too long. */
const DOING = {
  summarize: "Summarizing this",
  many: "Summarizing these documents together",
  explain: "Working out why these sentences were chosen",
  keywords: "Finding the key phrases",
  markdown: "Reading this file",
  html: "Reading this file",
  file: "Reading this file",
};

/** Reading a Word, OpenDocument or EPUB file (or a legacy encoding) may take this long. */
export const FILE_TIME_LIMIT = 30_000;

export class Engine {
  /**
   * @param {() => Worker} createWorker starts a worker that speaks worker.js's protocol
   * @param {{ onReady?: (languages: string[]) => void, onBroken?: (message: string) => void }} [events]
   */
  constructor(createWorker, events = {}) {
    this.createWorker = createWorker;
    this.events = events;
    this.nextId = 1;
    /** The newest request id per key. */
    this.latest = new Map();
    /** Requests not yet sent, by key (Map order: first asked, first sent). */
    this.waiting = new Map();
    this.inflight = null;
    this.timer = null;
    this.failures = 0;
    this.broken = null;
    this.ready = false;
    this.start();
  }

  /**
   * Sends `message` (worker.js's request, without its id) for `key`; `size` is the input's
   * length in characters, which sets the time limit. Resolves to the worker's answer (without
   * its id) or to SUPERSEDED; rejects with an Error when the request fails.
   */
  request(key, message, size = 0) {
    if (this.broken) return Promise.reject(new Error(this.broken));
    const id = this.nextId++;
    this.latest.set(key, id);
    const replaced = this.waiting.get(key);
    if (replaced) {
      this.waiting.delete(key);
      replaced.resolve(SUPERSEDED);
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { id, key, size, message: { ...message, id }, resolve, reject });
      this.pump();
    });
  }

  /** Forgets a key: its waiting request is dropped and a late answer is ignored. */
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
    const limit = next.message.kind === "file" ? FILE_TIME_LIMIT : timeLimit(next.size);
    this.timer = setTimeout(() => this.timedOut(next, limit), limit);
    this.worker.postMessage(next.message);
  }

  answer(data) {
    if (data.ready) {
      this.ready = true;
      this.events.onReady?.(data.languages ?? []);
      this.pump();
      return;
    }
    if (data.failed !== undefined) {
      this.died(`the summarizer could not start: ${data.failed}`);
      return;
    }
    const done = this.inflight;
    if (!done || done.id !== data.id) return;
    this.settle();
    // The worker answered: it works, even when what it says is that it failed on this input.
    this.failures = 0;
    if (this.latest.get(done.key) !== done.id) {
      done.resolve(SUPERSEDED);
    } else if (data.fatal) {
      done.reject(new Error(`The summarizer failed on this text (${data.error}) and was restarted.`));
    } else if (data.error !== undefined) {
      done.reject(new Error(data.error));
    } else {
      const { id: _, ...answer } = data;
      done.resolve(answer);
    }
    if (data.fatal) {
      this.restart();
    } else {
      this.pump();
    }
  }

  /** The request in flight is done, one way or another. */
  settle() {
    clearTimeout(this.timer);
    this.timer = null;
    this.inflight = null;
  }

  /**
   * A request that took longer than its limit: the worker is presumed stuck (a hang in the wasm
   * cannot be interrupted any other way), so it is stopped and a new one takes the rest. This is
   * not a failure of the worker as such: the next request goes to the new one as usual.
   */
  timedOut(request, limit) {
    if (this.inflight !== request) return;
    this.settle();
    const seconds = Math.round(limit / 1000);
    const doing = DOING[request.message.kind] ?? "This request";
    this.fail(request, `${doing} took longer than ${seconds} s, so it was stopped.`);
    this.restart();
  }

  /** Rejects `request` with `message`, unless a newer request has replaced it. */
  fail(request, message) {
    if (this.latest.get(request.key) === request.id) request.reject(new Error(message));
    else request.resolve(SUPERSEDED);
  }

  /** The worker is gone: the request it had fails, and a new worker takes the rest. */
  died(message) {
    const lost = this.inflight;
    this.settle();
    if (lost) this.fail(lost, `The summarizer stopped (${message}) and was restarted.`);
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
