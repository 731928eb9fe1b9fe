/**
 * Fills every draw rule's slots with distinct questions.
 *
 * Each slot takes the first free question of its rule's (seeded) preference
 * order. When a later, narrower rule finds all of its questions taken, an
 * earlier slot is moved to another question it also accepts (an augmenting
 * path, as in Kuhn's bipartite matching). So a draw only fails when no
 * assignment of distinct questions exists at all — never because an earlier
 * broad rule happened to take the one question a narrow rule needed.
 */

export interface DrawRequest {
  count: number;
  /** Acceptable question keys, most preferred first; no duplicates. */
  candidates: readonly string[];
}

export interface DrawAssignment {
  /** Per request: the chosen keys, in the request's preference order. */
  picks: string[][];
  /** Per request: how many slots stayed empty (all 0 when the draw succeeded). */
  unfilled: number[];
}

export function assignDraws(requests: readonly DrawRequest[]): DrawAssignment {
  const slotRequest: number[] = [];
  requests.forEach((request, index) => {
    for (let i = 0; i < request.count; i += 1) slotRequest.push(index);
  });
  const owner = new Map<string, number>();
  const slotKey: (string | undefined)[] = slotRequest.map(() => undefined);

  const augment = (slot: number, visited: Set<string>): boolean => {
    for (const key of requests[slotRequest[slot]].candidates) {
      if (visited.has(key)) continue;
      visited.add(key);
      const current = owner.get(key);
      if (current === undefined || augment(current, visited)) {
        owner.set(key, slot);
        slotKey[slot] = key;
        return true;
      }
    }
    return false;
  };

  slotRequest.forEach((request, slot) => {
    const free = requests[request].candidates.find((key) => !owner.has(key));
    if (free !== undefined) {
      owner.set(free, slot);
      slotKey[slot] = free;
      return;
    }
    augment(slot, new Set());
  });

  const chosen = requests.map(() => new Set<string>());
  const unfilled = requests.map(() => 0);
  slotRequest.forEach((request, slot) => {
    const key = slotKey[slot];
    if (key === undefined) unfilled[request] += 1;
    else chosen[request].add(key);
  });
  return { picks: requests.map((request, index) => request.candidates.filter((key) => chosen[index].has(key))), unfilled };
}
