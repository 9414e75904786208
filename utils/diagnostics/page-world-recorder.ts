/**
 * The page-world half of "Record data shapes for 60 s" (run by entrypoints/data-shapes.content.ts).
 *
 * Dormant until asked: arming it adds one event listener and nothing else. Only when the content
 * script sends RECORD_EVENT does it wrap the page's `fetch` and `XMLHttpRequest` (the only way to see
 * request bodies and answers), for RECORD_MS; then it puts them back. Each wrapper hands the page's
 * call to the original unchanged and returns the original's result: the page sees no difference. For
 * every call to the console's GraphQL endpoint it reads a copy of the body and of the answer, turns
 * them into shapes here (shapes.ts) and sends only the shapes to the content script.
 *
 * Put back means: where `fetch` or `XMLHttpRequest.prototype.open/send` is still our wrapper, the
 * original is restored; where the page (or another script) wrapped it again meanwhile, our wrapper
 * stays in its chain but only passes calls through, since taking it out would drop theirs.
 */
import { graphqlOperationOf } from '@/utils/amplitude/graphql-ops';
import { NONCE, RECORD_EVENT, RECORD_MS, SHAPE_EVENT, type ShapeMessage } from './shape-protocol';
import { responseShape, variablesShape } from './shapes';

/** Bodies and answers larger than this are not read (no console call comes near). */
const MAX_TEXT = 20_000_000;

export function armShapeRecorder(win: Window & typeof globalThis = window): void {
  let nonce = '';
  let recordingUntil = 0;
  let restore: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recording = () => Date.now() < recordingUntil;

  /** Sends the shape of one call; `callNonce` is the recording's nonce when the call was made. */
  const send = (operation: string, bodyText: string | null, answer: unknown, callNonce: string) => {
    let body: { query?: unknown; variables?: unknown } = {};
    try {
      const parsed: unknown = bodyText && bodyText.length < MAX_TEXT ? JSON.parse(bodyText) : null;
      if (parsed && typeof parsed === 'object') body = parsed;
    } catch {
      // Not JSON: no variables to describe.
    }
    const query = typeof body.query === 'string' ? body.query : null;
    const message: ShapeMessage = {
      nonce: callNonce,
      operation,
      variables: variablesShape(body.variables, query),
      response: responseShape(answer, query),
      queryText: query !== null,
    };
    win.document.dispatchEvent(new CustomEvent(SHAPE_EVENT, { detail: JSON.stringify(message) }));
  };
  const parse = (text: string): unknown => (text.length < MAX_TEXT ? JSON.parse(text) : null);

  function wrap(): () => void {
    const originalFetch = win.fetch;
    const wrappedFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      let bodyText: Promise<string | null> | null = null;
      let operation: string | null = null;
      if (recording()) {
        try {
          const url = input instanceof win.Request ? input.url : String(input);
          operation = graphqlOperationOf(url, win.location.origin);
          // A Request's body is read from a copy taken before the page's call uses it up.
          if (operation) bodyText = typeof init?.body === 'string' ? Promise.resolve(init.body) : input instanceof win.Request ? input.clone().text() : Promise.resolve(null);
        } catch {
          operation = null;
        }
      }
      // The page's own arguments, exactly as given.
      const result = originalFetch.apply(this, arguments as unknown as Parameters<typeof fetch>);
      if (operation && bodyText) {
        const callNonce = nonce;
        const op = operation;
        const body = bodyText;
        // Copied as soon as it answers: this callback is queued before any of the page's, so the
        // copy is taken before the page reads the answer (reading it first would use it up).
        // Promise.all handles both at once: a failed call must not show as an unhandled rejection.
        Promise.all([body, result.then((response) => response.clone())])
          .then(async ([text, copy]) => send(op, text, parse(await copy.text()), callNonce))
          .catch(() => undefined);
      }
      return result;
    } as typeof fetch;
    win.fetch = wrappedFetch;

    const proto = win.XMLHttpRequest.prototype;
    const originalOpen = proto.open;
    const originalSend = proto.send;
    const urls = new WeakMap<XMLHttpRequest, string>();
    const wrappedOpen = function (this: XMLHttpRequest) {
      const args = arguments as unknown as Parameters<XMLHttpRequest['open']>;
      if (recording()) urls.set(this, String(args[1]));
      return originalOpen.apply(this, args);
    } as XMLHttpRequest['open'];
    const wrappedSend = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      const operation = url && recording() ? graphqlOperationOf(url, win.location.origin) : null;
      if (operation) {
        const callNonce = nonce;
        const bodyText = typeof body === 'string' ? body : null;
        this.addEventListener('load', () => {
          try {
            const answer = this.responseType === 'json' ? this.response : this.responseType === '' || this.responseType === 'text' ? parse(this.responseText) : null;
            send(operation, bodyText, answer, callNonce);
          } catch {
            // Never lets a failure of ours reach the page.
          }
        });
      }
      return originalSend.apply(this, arguments as unknown as Parameters<XMLHttpRequest['send']>);
    };
    proto.open = wrappedOpen;
    proto.send = wrappedSend;

    return () => {
      if (win.fetch === wrappedFetch) win.fetch = originalFetch;
      if (proto.open === wrappedOpen) proto.open = originalOpen;
      if (proto.send === wrappedSend) proto.send = originalSend;
    };
  }

  win.document.addEventListener(RECORD_EVENT, (event) => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || !NONCE.test(detail)) return;
    nonce = detail;
    recordingUntil = Date.now() + RECORD_MS;
    restore ??= wrap();
    clearTimeout(timer);
    // Calls started in time are still described when they answer later: that needs no wrapper.
    timer = setTimeout(() => {
      restore?.();
      restore = null;
    }, RECORD_MS);
  });
}
