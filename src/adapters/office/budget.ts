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

/** Whether an Office error is Excel refusing a request or a response for its size. */
export const isPayloadLimit = (e: unknown): boolean =>
  /PayloadSizeLimitExceeded/.test(`${(e as { code?: string })?.code ?? ""} ${(e as Error)?.message ?? ""}`);

/** A command group: its bytes as charged, and how to queue it (again, after a refused request). */
interface Piece {
  bytes: number;
  queue: () => void;
}

/**
 * Queues work against a context and syncs only when the next piece would push the pending
 * payload past the budget, so the number of round trips depends on bytes, not on rows.
 * A piece is charged BEFORE it is queued: one that does not fit first sends what is pending.
 * Should Excel still refuse a request for its size (the charge was too low), nothing of it was
 * applied: its pieces are queued again in halves, each sent on its own.
 */
export class SyncBudget {
  private pending: Piece[] = [];
  private pendingBytes = 0;
  syncs = 0;
  largest = 0;
  /** Requests Excel refused for their size and that were split and sent again. */
  splits = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget = PAYLOAD_BUDGET,
    /** Runs after every sync (e.g. queue the next suspend-calculation command). */
    private readonly onSynced?: () => void,
    /** Runs after a refused request, before its pieces are queued again (drop proxies of that request). */
    private readonly onRefused?: () => void,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending.length > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    queue();
    this.pending.push({ bytes, queue });
    this.pendingBytes += bytes;
  }

  async flush(): Promise<void> {
    const pieces = this.pending.splice(0);
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    if (!pieces.length) return;
    await this.send(pieces, bytes, false);
  }

  private async send(pieces: Piece[], bytes: number, requeue: boolean): Promise<void> {
    if (requeue) for (const p of pieces) p.queue();
    this.largest = Math.max(this.largest, bytes);
    this.syncs++;
    try {
      await this.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || pieces.length < 2) throw e;
      this.splits++;
      this.onRefused?.();
      const mid = pieces.length >> 1;
      const sum = (ps: Piece[]) => ps.reduce((n, p) => n + p.bytes, 0);
      await this.send(pieces.slice(0, mid), sum(pieces.slice(0, mid)), true);
      await this.send(pieces.slice(mid), sum(pieces.slice(mid)), true);
      return;
    }
    this.onSynced?.();
  }
}
