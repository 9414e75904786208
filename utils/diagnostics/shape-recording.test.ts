import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORD_EVENT, RECORD_MS, SHAPE_EVENT, type ShapeMessage } from './shape-protocol';
import { createShapeRecording, type ShapeRecording } from './shape-recording';

let clock = 1_000_000;
let nonce = '';
let recording: ShapeRecording;
const takeNonce = (event: Event) => (nonce = String((event as CustomEvent).detail));

const send = (detail: unknown) => document.dispatchEvent(new CustomEvent(SHAPE_EVENT, { detail: typeof detail === 'string' ? detail : JSON.stringify(detail) }));
const message = (overrides: Partial<ShapeMessage> = {}): ShapeMessage => ({
  nonce,
  operation: 'Users',
  variables: [],
  response: [
    ['data', ['object']],
    ['data.users', ['array']],
  ],
  queryText: true,
  ...overrides,
});

beforeEach(() => {
  document.addEventListener(RECORD_EVENT, takeNonce);
  recording = createShapeRecording(document, () => clock);
});
afterEach(() => {
  recording.stop();
  document.removeEventListener(RECORD_EVENT, takeNonce);
});

describe('the content script side of a recording', () => {
  it('is idle until started, then asks the page world with a fresh nonce and ends after 60 s', () => {
    expect(recording.answer()).toEqual({ phase: 'idle', until: null, operations: [] });
    recording.start();
    expect(nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(recording.answer()).toMatchObject({ phase: 'recording', until: clock + RECORD_MS });
    clock += RECORD_MS;
    expect(recording.answer().phase).toBe('done');
    clock = 1_000_000;
  });

  it('merges the calls of an operation and lists operations by name', () => {
    recording.start();
    send(message());
    send(message({ response: [['data.users[]', ['object']], ['data.users[].orgTeam', ['null']]] }));
    send(message({ response: [['data.users[].orgTeam', ['string']]] }));
    send(message({ operation: 'OrgData', variables: [['product', ['string']]], response: [], queryText: false }));
    expect(recording.answer().operations).toEqual([
      { operation: 'OrgData', variables: [['product', ['string']]], response: [], queryText: false },
      {
        operation: 'Users',
        variables: [],
        response: [
          ['data', ['object']],
          ['data.users', ['array']],
          ['data.users[]', ['object']],
          ['data.users[].orgTeam', ['string', 'null']],
        ],
        queryText: true,
      },
    ]);
  });

  it('drops, whole, anything that is not exactly a shape of this recording', () => {
    recording.start();
    const forged = [
      message({ nonce: '00000000-0000-4000-8000-000000000000' }),
      message({ operation: 'maya@lumenfield.example' }),
      message({ response: [['data.users[].maya@lumenfield.example', ['string']]] }),
      message({ response: [['data.users[].name', ['Maya Okafor' as 'string']]] }),
      message({ response: [['data users', ['string']]] }),
      { ...message(), response: [['data', 'object']] },
      { ...message(), queryText: 'yes' },
      'not json',
      `{"nonce":"${nonce}","operation":"Users","variables":[],"response":[${'["a",["string"]],'.repeat(20000)}["a",["string"]]],"queryText":true}`,
    ];
    for (const detail of forged) send(detail);
    // An object detail (not a string) is refused too.
    document.dispatchEvent(new CustomEvent(SHAPE_EVENT, { detail: message() }));
    expect(recording.answer().operations).toEqual([]);
  });

  it('takes nothing before it is started, nor long after it ended, and starts again from nothing', () => {
    send(message());
    expect(recording.answer().operations).toEqual([]);
    recording.start();
    send(message());
    expect(recording.answer().operations).toHaveLength(1);
    const old = nonce;
    recording.start();
    expect(nonce).not.toBe(old);
    expect(recording.answer().operations).toEqual([]);
    send(message({ nonce: old }));
    expect(recording.answer().operations).toEqual([]);
    clock += RECORD_MS + 60_000;
    send(message());
    expect(recording.answer().operations).toEqual([]);
    clock = 1_000_000;
  });

  it('keeps at most 100 operations', () => {
    recording.start();
    for (let i = 0; i < 150; i++) send(message({ operation: `Op${String.fromCharCode(65 + (i % 26))}${i}` }));
    expect(recording.answer().operations).toHaveLength(100);
  });
});

