/**
 * Import this BEFORE ./telemetry in a spec whose app must trace its outgoing
 * HTTP calls (webhook deliveries). It only sets the switch ./telemetry reads:
 * imports are hoisted above a spec's own statements, so an assignment written
 * at the top of the spec would run too late.
 */
process.env.ASSAY_TEST_TRACE_OUTGOING_HTTP = 'true';
