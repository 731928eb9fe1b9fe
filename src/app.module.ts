import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AppConfig } from './config/config';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { MembersModule } from './members/members.module';
import { QuestionsModule } from './questions/questions.module';
import { ScoringModule } from './scoring/scoring.module';
import { TracesModule } from './traces/traces.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, JobsModule, EventsModule, MetricsModule, HealthModule, AuthModule, MembersModule, ApiKeysModule, QuestionsModule, ScoringModule, TracesModule],
    };
  }
}
