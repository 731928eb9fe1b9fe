import http from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';

/** The subset of opentelemetry/proto (collector/trace/v1, trace/v1, common/v1, resource/v1) a trace export uses. */
const OTLP_TRACE_PROTO = `
syntax = "proto3";
package otlp;
message AnyValue { oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; ArrayValue array_value = 5; bytes bytes_value = 7; } }
message ArrayValue { repeated AnyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message Resource { repeated KeyValue attributes = 1; }
message InstrumentationScope { string name = 1; string version = 2; }
message Status { string message = 2; int32 code = 3; }
message Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
message Link { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; repeated KeyValue attributes = 4; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5; int32 kind = 6;
  fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8; repeated KeyValue attributes = 9;
  repeated Event events = 11; repeated Link links = 13; Status status = 15;
}
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
`;

const ExportRequest = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: true }).root.lookupType('otlp.ExportTraceServiceRequest');

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP numbering: one above the API's SpanKind (SERVER = 2, CLIENT = 3, PRODUCER = 4, CONSUMER = 5). */
  kind: number;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  statusCode: number;
  links: { traceId: string; spanId: string }[];
  events: string[];
}

/** A tiny OTLP/HTTP receiver on 127.0.0.1 that decodes protobuf trace exports, as a collector would. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly contentTypes: string[] = [];
  private server = http.createServer((request, response) => this.handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      this.contentTypes.push(String(request.headers['content-type']));
      const message = ExportRequest.toObject(ExportRequest.decode(Buffer.concat(chunks)), { longs: String, bytes: Buffer, defaults: true }) as {
        resource_spans: { resource?: { attributes: KeyValue[] }; scope_spans: { spans: RawSpan[] }[] }[];
      };
      for (const resourceSpans of message.resource_spans) {
        const resource = toRecord(resourceSpans.resource?.attributes ?? []);
        for (const scope of resourceSpans.scope_spans) {
          for (const span of scope.spans) {
            this.spans.push({
              traceId: hex(span.trace_id),
              spanId: hex(span.span_id),
              parentSpanId: hex(span.parent_span_id),
              name: span.name,
              kind: span.kind,
              attributes: toRecord(span.attributes),
              resource,
              statusCode: span.status?.code ?? 0,
              links: span.links.map((link) => ({ traceId: hex(link.trace_id), spanId: hex(link.span_id) })),
              events: span.events.map((event) => event.name),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  }
}

interface KeyValue {
  key: string;
  value?: { string_value?: string; bool_value?: boolean; int_value?: string; double_value?: number; array_value?: { values: KeyValue['value'][] } };
}
interface RawSpan {
  trace_id: Buffer;
  span_id: Buffer;
  parent_span_id: Buffer;
  name: string;
  kind: number;
  attributes: KeyValue[];
  events: { name: string }[];
  links: { trace_id: Buffer; span_id: Buffer }[];
  status?: { code: number };
}

function hex(bytes: Buffer | undefined): string {
  return bytes ? Buffer.from(bytes).toString('hex') : '';
}

function toRecord(attributes: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, anyValue(value)]));
}

function anyValue(value: KeyValue['value']): unknown {
  if (!value) return undefined;
  if (value.string_value !== undefined && value.string_value !== '') return value.string_value;
  if (value.int_value !== undefined && value.int_value !== '0') return Number(value.int_value);
  if (value.double_value) return value.double_value;
  if (value.bool_value) return value.bool_value;
  if (value.array_value) return value.array_value.values.map(anyValue);
  return value.string_value ?? (value.int_value !== undefined ? Number(value.int_value) : value.bool_value);
}
