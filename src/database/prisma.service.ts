import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PrismaClient } from '../generated/prisma/client';

/** The one Prisma client of the process, over the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.databaseUrl) throw new Error('PrismaService needs a database URL; start() resolves one before the app is created.');
    // Minimal error messages: the default format quotes source lines and can
    // echo query arguments, which would then reach logs and exception events.
    super({ adapter: new PrismaPg({ connectionString: config.databaseUrl }), errorFormat: 'minimal' });
  }

  /** Last of all: job workers and requests still draining need the connection until then. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
