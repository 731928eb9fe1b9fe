import type { DomainEventMap } from '../events/domain-events';
import { buildPayload, payloadBody, readPayload, webhookData } from './webhook-events';

const SESSION = '2f0c7e0e-1c55-4a7e-9d6b-2a4b8f2f9c10';
const INTERVIEW = '7d1f2c4e-9a3b-4c5d-8e6f-0a1b2c3d4e5f';
const ORG = '0b8c1a4e-3f2d-4e5c-9a7b-1c2d3e4f5a6b';

describe('webhook event data', () => {
  it('copies session.submitted ids and outcome, without the organization', () => {
    const event: DomainEventMap['session.submitted'] = { organizationId: ORG, sessionId: SESSION, interviewId: INTERVIEW, submittedAt: '2026-03-01T10:00:00.000Z', submittedBy: 'deadline' };
    expect(webhookData('session.submitted', event)).toEqual({ sessionId: SESSION, interviewId: INTERVIEW, submittedAt: '2026-03-01T10:00:00.000Z', submittedBy: 'deadline' });
  });

  it('copies session.graded totals', () => {
    const event: DomainEventMap['session.graded'] = { organizationId: ORG, sessionId: SESSION, interviewId: INTERVIEW, gradedAt: '2026-03-01T10:01:00.000Z', points: 17.5, maxPoints: 25, passed: true };
    expect(webhookData('session.graded', event)).toEqual({ sessionId: SESSION, interviewId: INTERVIEW, gradedAt: '2026-03-01T10:01:00.000Z', points: 17.5, maxPoints: 25, passed: true });
  });

  it('copies review.decided, including a null reviewer (an API key decided)', () => {
    const event: DomainEventMap['review.decided'] = { organizationId: ORG, sessionId: SESSION, interviewId: INTERVIEW, decision: 'hold', decidedAt: '2026-03-02T09:00:00.000Z', reviewerId: null };
    expect(webhookData('review.decided', event)).toEqual({ sessionId: SESSION, interviewId: INTERVIEW, decision: 'hold', decidedAt: '2026-03-02T09:00:00.000Z', reviewerId: null });
  });

  it('drops whatever else a publisher adds to an event (never answer text or candidate details)', () => {
    const leaky = { organizationId: ORG, sessionId: SESSION, interviewId: INTERVIEW, submittedAt: 'x', submittedBy: 'candidate', candidateEmail: 'ada@example.com', answer: 'secret answer' } as DomainEventMap['session.submitted'];
    const data = webhookData('session.submitted', leaky);
    expect(JSON.stringify(data)).not.toMatch(/ada@example.com|secret answer/);
  });

  it('sends the envelope in a fixed key order, whatever order it was stored in', () => {
    const payload = buildPayload(SESSION, 'ping', new Date('2026-01-01T00:00:00.000Z'), {});
    const reordered = JSON.parse(JSON.stringify({ data: payload.data, createdAt: payload.createdAt, type: payload.type, id: payload.id })) as unknown;
    expect(payloadBody(readPayload(reordered))).toBe(`{"id":"${SESSION}","type":"ping","createdAt":"2026-01-01T00:00:00.000Z","data":{}}`);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no id', { type: 'ping', createdAt: 'x', data: {} }],
    ['an unknown type', { id: 'a', type: 'session.deleted', createdAt: 'x', data: {} }],
    ['no data', { id: 'a', type: 'ping', createdAt: 'x' }],
    ['nested data', { id: 'a', type: 'ping', createdAt: 'x', data: { nested: { answer: 'text' } } }],
  ])('refuses a stored payload with %s', (_name, stored) => {
    expect(() => readPayload(stored)).toThrow();
  });
});
