/**
 * The control API for tests, under /__double/ (JSON in and out, no session needed). Every route
 * mirrors a Backend method, so tests in the same process can skip HTTP entirely.
 */
import { z } from 'zod';
import { SESSION_COOKIE } from '../../shared/operations';
import { SeedError, type SeedSource } from '../../seeds';
import type { Backend } from '../backend';
import { FaultSettings } from '../faults';
import { LandmarkSettings } from '../../shared/landmarks';
import { MARKUP_VARIANT_NAMES, type MarkupRequest } from '../../shared/markup';
import { AcceptInviteBody, AcceptInviteError } from '../accept-invite';
import { sessionSetCookie } from './cookies';
import { json, parseJsonBody, type DoubleRequest, type DoubleResponse } from './messages';

export const CONTROL_PREFIX = '/__double/';

const ResetBody = z.union([
  z.object({ seed: z.string() }).strict(),
  z.object({ seedData: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ seedFile: z.string() }).strict(),
  z.object({}).strict(),
]);
const LatencyBody = z.object({ ms: z.number().nonnegative(), jitterMs: z.number().nonnegative().default(0) }).strict();
const SignInBody = z.object({ memberId: z.string() }).strict();
const LastActiveBody = z.object({ email: z.string(), lastActiveAt: z.string().nullable() }).strict();

const ROUTES = [
  'POST /__double/reset {seed} | {seedData} | {seedFile} | {}',
  'POST /__double/latency {ms, jitterMs}',
  'POST /__double/faults {failNthMutation?, loseNthAnswer?: {nth?, how: server-error|drop}, failEmails?: {emails, code, message}, serverErrorRate?, sessionExpired?, unknownOperations?: [operation names]}',
  'POST /__double/faults/clear',
  'GET  /__double/faults',
  'POST /__double/landmarks {inviteButton?: label | null, usersTableName?: name | null} (null removes; the page picks it up on its next load)',
  'POST /__double/landmarks/clear',
  'GET  /__double/landmarks',
  `POST /__double/markup {variant?: ${MARKUP_VARIANT_NAMES.join(' | ')}, ...flags} (replaces the markup; the page picks it up on its next load)`,
  'POST /__double/markup/clear',
  'GET  /__double/markup',
  'POST /__double/sign-in {memberId}',
  'POST /__double/members/accept-invite {email, lastActiveAt?} (a pending invite joins now, keeping what the invite set)',
  'POST /__double/members/last-active {email, lastActiveAt: ISO time | null}',
  'GET  /__double/mutations',
  'GET  /__double/refusals',
  'GET  /__double/requests',
  'GET  /__double/state',
];

const badRequest = (message: string): DoubleResponse => json(400, { error: message });

function describeZod(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

export function handleControl(backend: Backend, request: DoubleRequest, url: URL): DoubleResponse {
  const route = `${request.method} ${url.pathname.replace(/\/$/, '')}`;
  let body: unknown;
  try {
    body = parseJsonBody(request.body) ?? {};
  } catch {
    return badRequest('The request body is not JSON.');
  }
  const parse = <T>(schema: z.ZodType<T>): T | DoubleResponse => {
    const result = schema.safeParse(body);
    return result.success ? result.data : badRequest(describeZod(result.error));
  };
  const isResponse = (value: unknown): value is DoubleResponse => typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'headers' in value;

  switch (route) {
    case 'GET /__double':
      return json(200, { routes: ROUTES });
    case 'POST /__double/reset': {
      const reset = parse(ResetBody);
      if (isResponse(reset)) return reset;
      const source: SeedSource | undefined = 'seed' in reset ? reset.seed : 'seedFile' in reset ? reset.seedFile : 'seedData' in reset ? (reset.seedData as SeedSource) : undefined;
      try {
        backend.reset(source);
      } catch (error) {
        if (error instanceof SeedError) return badRequest(error.message);
        throw error;
      }
      return json(200, { ok: true, org: backend.org() });
    }
    case 'POST /__double/latency': {
      const latency = parse(LatencyBody);
      if (isResponse(latency)) return latency;
      backend.setLatency(latency);
      return json(200, { ok: true, latency: backend.latency() });
    }
    case 'POST /__double/faults': {
      const faults = parse(FaultSettings.strict());
      if (isResponse(faults)) return faults;
      backend.setFaults(faults);
      return json(200, { ok: true, faults: backend.faults() });
    }
    case 'POST /__double/faults/clear':
      backend.clearFaults();
      return json(200, { ok: true, faults: backend.faults() });
    case 'GET /__double/faults':
      return json(200, backend.faults());
    case 'POST /__double/landmarks': {
      const landmarks = parse(LandmarkSettings);
      if (isResponse(landmarks)) return landmarks;
      backend.setLandmarks(landmarks);
      return json(200, { ok: true, landmarks: backend.landmarks() });
    }
    case 'POST /__double/landmarks/clear':
      backend.clearLandmarks();
      return json(200, { ok: true, landmarks: backend.landmarks() });
    case 'GET /__double/landmarks':
      return json(200, backend.landmarks());
    case 'POST /__double/markup': {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('Expected {variant?, ...flags}.');
      try {
        backend.setMarkup(body as MarkupRequest);
      } catch (error) {
        if (error instanceof z.ZodError) return badRequest(describeZod(error));
        throw error;
      }
      return json(200, { ok: true, markup: backend.markup() });
    }
    case 'POST /__double/markup/clear':
      backend.clearMarkup();
      return json(200, { ok: true, markup: backend.markup() });
    case 'GET /__double/markup':
      return json(200, backend.markup());
    case 'POST /__double/sign-in': {
      const signIn = parse(SignInBody);
      if (isResponse(signIn)) return signIn;
      let token: string;
      try {
        token = backend.signIn(signIn.memberId);
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error));
      }
      return json(200, { ok: true, memberId: signIn.memberId, cookie: { name: SESSION_COOKIE, value: token } }, { 'set-cookie': sessionSetCookie(token, url.protocol === 'https:') });
    }
    case 'POST /__double/members/accept-invite': {
      const accept = parse(AcceptInviteBody);
      if (isResponse(accept)) return accept;
      try {
        return json(200, { ok: true, member: backend.acceptInvite(accept) });
      } catch (error) {
        if (error instanceof AcceptInviteError) return badRequest(error.message);
        throw error;
      }
    }
    case 'POST /__double/members/last-active': {
      const lastActive = parse(LastActiveBody);
      if (isResponse(lastActive)) return lastActive;
      try {
        const memberId = backend.setLastActive(lastActive.email, lastActive.lastActiveAt);
        return json(200, { ok: true, memberId, lastActiveAt: lastActive.lastActiveAt === null ? null : new Date(lastActive.lastActiveAt).toISOString() });
      } catch (error) {
        return badRequest(error instanceof Error ? error.message : String(error));
      }
    }
    case 'GET /__double/mutations':
      return json(200, backend.mutations());
    case 'GET /__double/refusals':
      return json(200, backend.refusals());
    case 'GET /__double/requests':
      return json(200, backend.requestLog());
    case 'GET /__double/state':
      return json(200, backend.state());
    default:
      return json(404, { error: `No control route ${route}.`, routes: ROUTES });
  }
}
