import { Injectable } from '@nestjs/common';

/**
 * A seam for proving crash safety. Production never sets it; tests replace
 * `beforeCommit` (via `app.get(GradingFaults)`) to throw, which simulates a
 * worker dying after every score of a session was written but before the
 * transaction committed: everything rolls back and pg-boss retries the job.
 */
@Injectable()
export class GradingFaults {
  beforeCommit: (sessionId: string) => void | Promise<void> = () => undefined;
}
