import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** The trace context a producer leaves in a job, so the consumer can link back to it. */
export interface TraceCarrier {
  _trace?: Record<string, string>;
}

export type JobHandler<T> = (data: T, job: { id: string; name: string; retryCount?: number }) => Promise<void>;

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job per key (e.g. one grading job per session). */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
}

const tracer = trace.getTracer('assay.jobs');

/**
 * A durable PostgreSQL-backed queue (pg-boss) in the app's own database.
 * Producers inject the active trace context into the job (PRODUCER span);
 * workers start a new trace (CONSUMER span) that links to it, because a job
 * runs later and outside the request that caused it.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private readonly queues = new Set<string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({ connectionString: config.databaseUrl, schema: 'pgboss', application_name: 'assay-jobs' });
    this.boss.on('error', (error: Error) => this.logger.error({ err: error }, 'job queue error'));
  }

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  /** Before the database disconnects: running handlers finish, nothing new is fetched. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.start();
    await this.boss.createQueue(name);
    this.queues.add(name);
  }

  /** Enqueues a job inside a PRODUCER span whose context travels with the job. */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    await this.ensureQueue(name);
    return tracer.startActiveSpan(
      `${name} publish`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'pg-boss', 'messaging.operation.type': 'send', 'messaging.destination.name': name } },
      async (span) => {
        try {
          const carrier: Record<string, string> = {};
          // Trace context only: the consumer starts a fresh trace and merely links back, so
          // the caller's baggage (personal entries included) would just sit in the job row.
          propagation.inject(propagation.deleteBaggage(context.active()), carrier);
          const id = await this.boss.send(name, { ...data, _trace: carrier }, {
            startAfter: options.startAfter,
            singletonKey: options.singletonKey,
            retryLimit: options.retryLimit ?? 5,
            retryDelay: options.retryDelaySeconds ?? 2,
            retryBackoff: options.retryBackoff ?? true,
          });
          if (id) span.setAttribute('messaging.message.id', id);
          return id;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  /**
   * Runs `handler` for each job. Each batch runs in a new trace: one CONSUMER
   * span with one link per job's producer, never a child of any of them.
   */
  async work<T extends object>(name: string, handler: JobHandler<T>, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<T & TraceCarrier>(
      name,
      { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
      async (jobs) => {
        const links = jobs
          .map((job) => trace.getSpanContext(propagation.extract(ROOT_CONTEXT, job.data._trace ?? {})))
          .filter((spanContext): spanContext is NonNullable<typeof spanContext> => !!spanContext && trace.isSpanContextValid(spanContext))
          .map((spanContext) => ({ context: spanContext }));
        await tracer.startActiveSpan(
          `${name} process`,
          {
            kind: SpanKind.CONSUMER,
            root: true,
            links,
            attributes: { 'messaging.system': 'pg-boss', 'messaging.operation.type': 'process', 'messaging.destination.name': name, 'messaging.batch.message_count': jobs.length },
          },
          async (span) => {
            try {
              for (const job of jobs) {
                const { _trace, ...data } = job.data;
                void _trace;
                await handler(data as unknown as T, { id: job.id, name: job.name });
              }
            } catch (error) {
              span.recordException(error as Error);
              span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
              // pg-boss retries the job (with backoff) when the handler throws.
              throw error;
            } finally {
              span.end();
            }
          },
        );
      },
    );
  }

  /** For tests and diagnostics: how a job ended up. */
  async getJob(name: string, id: string): Promise<{ state: string; retryCount: number } | null> {
    const job = await this.boss.getJobById(name, id);
    return job ? { state: job.state, retryCount: job.retryCount } : null;
  }
}
