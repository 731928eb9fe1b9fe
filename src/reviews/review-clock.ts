/**
 * A timestamp strictly after `previous` (at millisecond precision, the column's),
 * so the history of one session stays in the order its changes were made even
 * when two land within the same millisecond or a clock steps back.
 */
export function timestampAfter(previous: Date | null | undefined, now = new Date()): Date {
  if (!previous || now.getTime() > previous.getTime()) return now;
  return new Date(previous.getTime() + 1);
}
