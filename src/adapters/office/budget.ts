/** Bytes a string takes in UTF-8 (what the 5 MB request limit counts), without TextEncoder allocations. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Excel on the web rejects requests and responses over 5 MB; stay well under with room for the envelope. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Excel's limit on cells loaded in one read. */
export const READ_CELL_LIMIT = 5_000_000;
export { FORMAT_ROWS } from "../port";

/**
 * Queues work against a context and syncs only when the next piece would push the pending
 * payload past the budget, so the number of round trips depends on bytes, not on rows.
 */
export class SyncBudget {
  private pending = 0;
  syncs = 0;
  largest = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget = PAYLOAD_BUDGET,
    private readonly onSynced?: () => void,
  ) {}

  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    this.largest = Math.max(this.largest, this.pending);
    this.pending = 0;
    this.syncs++;
    await this.sync();
    this.onSynced?.();
  }
}
