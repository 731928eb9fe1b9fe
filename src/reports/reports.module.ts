import { Module } from '@nestjs/common';
import { InterviewResultsController } from './http/interview-results.controller';
import { SessionReportController } from './http/session-report.controller';
import { ReportsService } from './reports.service';

@Module({ controllers: [SessionReportController, InterviewResultsController], providers: [ReportsService] })
export class ReportsModule {}
