import { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';
import type { AppConfig } from '../config/config';

/**
 * Stamps the active span's ids on every line so logs and traces join on the
 * same 32/16-hex values; outside a span the fields are absent, never zeros.
 */
export function traceContextFields(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}

export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'serviceVersion'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'assay', version: config.serviceVersion },
      mixin: traceContextFields,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** Nest's logger interface on top of pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, stack?: string) {
    if (message instanceof Error) {
      // Error properties are not enumerable: spreading one would log nothing.
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, stack, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level]({ context, stack }, String(message));
    }
  }
}

export function createNestLogger(config: Pick<AppConfig, 'logLevel' | 'serviceVersion'>): LoggerService {
  return new PinoNestLogger(createRootLogger(config));
}
