import { generateOpaqueToken, RANDOM_PART_LENGTH, SECRET_PREFIX, sha256Hex } from '../../auth/secrets';

/**
 * A candidate's access token: `assay_cs_` and 256 random bits. It is shown
 * once, when the candidate is invited; the database keeps only its SHA-256.
 */
const CANDIDATE_TOKEN_PATTERN = new RegExp(`^${SECRET_PREFIX.candidateSession}[A-Za-z0-9_-]{${RANDOM_PART_LENGTH}}$`);

export interface NewCandidateToken {
  token: string;
  tokenHash: string;
}

export function generateCandidateToken(): NewCandidateToken {
  const token = generateOpaqueToken(SECRET_PREFIX.candidateSession);
  return { token, tokenHash: sha256Hex(token) };
}

/** Only well-formed tokens are looked up; anything else is refused without a query. */
export function isWellFormedCandidateToken(token: string): boolean {
  return CANDIDATE_TOKEN_PATTERN.test(token);
}
