import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';

/** Global so every module can inject `AuditLog` without importing this module. */
@Global()
@Module({ providers: [AuditLog], exports: [AuditLog] })
export class AuditModule {}
