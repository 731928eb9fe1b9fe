-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "InterviewItemKind" AS ENUM ('question', 'draw');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('invited', 'in_progress', 'submitted', 'graded', 'cancelled');

-- CreateEnum
CREATE TYPE "ReviewDecisionKind" AS ENUM ('advance', 'hold', 'reject');

-- CreateTable
CREATE TABLE "interviews" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "time_limit_minutes" INTEGER NOT NULL,
    "passing_threshold" DOUBLE PRECISION NOT NULL,
    "status" "InterviewStatus" NOT NULL DEFAULT 'draft',
    "duplicated_from_id" UUID,
    "created_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_items" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InterviewItemKind" NOT NULL,
    "question_id" UUID,
    "question_version_id" UUID,
    "draw_count" INTEGER,
    "draw_section" TEXT,
    "draw_levels" "Level"[],
    "draw_tag" TEXT,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "points" DOUBLE PRECISION NOT NULL DEFAULT 10,
    "include_probes" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "interview_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "candidate_name" TEXT NOT NULL,
    "candidate_email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "draw_seed" TEXT NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'invited',
    "started_at" TIMESTAMPTZ(3),
    "deadline_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by" TEXT,
    "graded_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_items" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "interview_item_id" UUID NOT NULL,
    "question_version_id" UUID NOT NULL,
    "probe_index" INTEGER,
    "prompt" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "levels" "Level"[],
    "weight" DOUBLE PRECISION NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "rubric" JSONB NOT NULL,
    "rubric_version_id" UUID NOT NULL,

    CONSTRAINT "session_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" UUID NOT NULL,
    "session_item_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_revisions" (
    "id" UUID NOT NULL,
    "answer_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_scores" (
    "id" UUID NOT NULL,
    "session_item_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "rubric_version_id" UUID NOT NULL,
    "engine_version" TEXT NOT NULL,
    "answer_revision" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "max_score" DOUBLE PRECISION NOT NULL,
    "fraction" DOUBLE PRECISION NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "result" JSONB NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_scores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_overrides" (
    "id" UUID NOT NULL,
    "session_item_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "reviewer_id" UUID,
    "points" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "based_on_score_id" UUID,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "score_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_comments" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "session_item_id" UUID,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "reviewer_id" UUID,
    "decision" "ReviewDecisionKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "actor_api_key_id" UUID,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "secret_encrypted" TEXT NOT NULL,
    "secret_prefix" TEXT NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "interviews_organization_id_status_idx" ON "interviews"("organization_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "interview_items_interview_id_position_key" ON "interview_items"("interview_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_organization_id_interview_id_idx" ON "sessions"("organization_id", "interview_id");

-- CreateIndex
CREATE INDEX "sessions_status_deadline_at_idx" ON "sessions"("status", "deadline_at");

-- CreateIndex
CREATE UNIQUE INDEX "session_items_session_id_position_key" ON "session_items"("session_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "answers_session_item_id_key" ON "answers"("session_item_id");

-- CreateIndex
CREATE INDEX "answers_session_id_idx" ON "answers"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "answer_revisions_answer_id_revision_key" ON "answer_revisions"("answer_id", "revision");

-- CreateIndex
CREATE INDEX "item_scores_session_id_idx" ON "item_scores"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "item_scores_session_item_id_rubric_version_id_engine_versio_key" ON "item_scores"("session_item_id", "rubric_version_id", "engine_version", "answer_revision");

-- CreateIndex
CREATE INDEX "score_overrides_session_id_idx" ON "score_overrides"("session_id");

-- CreateIndex
CREATE INDEX "review_comments_session_id_idx" ON "review_comments"("session_id");

-- CreateIndex
CREATE INDEX "review_decisions_session_id_idx" ON "review_decisions"("session_id");

-- CreateIndex
CREATE INDEX "audit_events_organization_id_entity_type_entity_id_idx" ON "audit_events"("organization_id", "entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "webhook_endpoints_organization_id_idx" ON "webhook_endpoints"("organization_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at");

-- AddForeignKey
ALTER TABLE "interview_items" ADD CONSTRAINT "interview_items_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_items" ADD CONSTRAINT "session_items_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_session_item_id_fkey" FOREIGN KEY ("session_item_id") REFERENCES "session_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_revisions" ADD CONSTRAINT "answer_revisions_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "answers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_scores" ADD CONSTRAINT "item_scores_session_item_id_fkey" FOREIGN KEY ("session_item_id") REFERENCES "session_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_overrides" ADD CONSTRAINT "score_overrides_session_item_id_fkey" FOREIGN KEY ("session_item_id") REFERENCES "session_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
