import type { DataIssue, SourceRef } from "../types";
import type { Unit } from "./scheme";

/** One applied rule on one event: the audit trail's row. */
export interface Line {
  agent: string;
  month: string;
  ruleId: string;
  ruleLabel: string;
  eventType: string;
  date: string | null;
  /** Signed; negative is a deduction or a fine. */
  value: number;
  unit: Unit;
  note?: string;
  action?: string;
  text?: string;
  sources: SourceRef[];
  /** Counted inside a capped item; the item's own line carries the total. */
  inItem?: string;
  /** A fine charged because of someone else in the group. */
  groupOf?: string;
}

export interface AgentResult {
  name: string;
  group?: string;
  resigned: boolean;
  base: number | null;
  score: number | null;
  level: number;
  label: string;
  fineYuan: number;
  rewardYuan: number;
  vouchers: number;
  bonusCutPercent: number;
  actions: string[];
  /** Per rule: events counted and the signed total. */
  byRule: Record<string, { count: number; value: number }>;
  lines: Line[];
  /** Event types the scheme has no rule for: counted, not scored. */
  unscored: Record<string, number>;
  /** Attendance days per kind this month. */
  attendance: Record<string, number>;
  /** Number of months in a row at warning level or worse, this one included. */
  streak: number;
}

export interface LedgerRow {
  date: string | null;
  kind: "opening" | "fine" | "spend" | "closing";
  agent: string | null;
  text: string;
  amount: number;
  source?: SourceRef;
}
export interface FundBox {
  opening: number;
  fines: number;
  spent: number;
  closing: number;
  rows: LedgerRow[];
  /**
   * The month whose opening balance was found nowhere (no 期初 row, no earlier month, no stored balance) and was
   * taken as 0: this month itself, or the month this one's balance is carried from. Absent: the opening is known.
   */
  openingAssumedIn?: string;
}

export interface CourierRow {
  courier: string;
  incidents: number;
  amount: number;
  handOverDate: string;
  byProblem: Record<string, number>;
}
export interface IncidentRow {
  date: string | null;
  courier: string;
  problem: string;
  amount: number;
  party: string;
  person: string | null;
  trackingNo: string;
  source: SourceRef;
}

export interface Indicator {
  agent: string;
  satisfied: number;
  neutral: number;
  disappointed: number;
  badAttitude: number;
  goodRate: number | null;
  badShare: number | null;
  flags: string[];
}
export interface OpenReview {
  agent: string;
  date: string;
  text: string;
  source: SourceRef;
}

export interface MonthResult {
  month: string;
  scheme: { id: string; name: string; unit: Unit };
  agents: AgentResult[];
  fundBox: FundBox;
  courier: CourierRow[];
  incidents: IncidentRow[];
  indicators: Indicator[];
  openReviews: OpenReview[];
  issues: DataIssue[];
  /** Complaints per event type, for the analysis tab. */
  complaintsByType: Record<string, number>;
  /** The scheme's settings the tabs quote (courier hand-over, the open-review limit). */
  policy: { handOverDays: number; openReviewDays: number };
}
