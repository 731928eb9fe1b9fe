import type { ReviewRule } from '../finding';
import { allInternalRule } from './all-internal';
import { childBeforeParentRule } from './child-before-parent';
import { clientServerGapRule } from './client-server-gap';
import { consumerParentedToProducerRule } from './consumer-parented-to-producer';
import { doubleWrappedClientRule } from './double-wrapped-client';
import { exceptionWithoutErrorStatusRule } from './exception-without-error-status';
import { highCardinalitySpanNameRule } from './high-cardinality-span-name';
import { missingServiceNameRule } from './missing-service-name';
import { multipleRootsRule } from './multiple-roots';
import { orphanSpansRule } from './orphan-spans';
import { perIterationSpanExplosionRule } from './per-iteration-span-explosion';

/** Every rule, in the order findings of equal severity are listed. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  missingServiceNameRule,
  allInternalRule,
  multipleRootsRule,
  orphanSpansRule,
  consumerParentedToProducerRule,
  exceptionWithoutErrorStatusRule,
  highCardinalitySpanNameRule,
  perIterationSpanExplosionRule,
  clientServerGapRule,
  doubleWrappedClientRule,
  childBeforeParentRule,
];
