-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "attempt_log" JSONB NOT NULL DEFAULT '[]';
