import type { Topic } from "./topics";
import type { MessageSpec } from "./types";

/** Who a planned message goes to (before consent and frequency checks). */
export type Audience =
  | { kind: "newsletter" }
  | { kind: "interest"; topic: Topic }
  | { kind: "push" }
  | { kind: "sms" }
  | { kind: "everyone" }
  | { kind: "catalogue" }
  | { kind: "vipCall" }
  | { kind: "club" }
  | { kind: "deals" }
  | { kind: "winBack" }
  | { kind: "dearVip" };

/** A scheduled send of one messageId to an audience. */
export interface PlannedMessage extends MessageSpec {
  index: number;
  /** Send start; each recipient's send falls in [at, at + spread). */
  at: number;
  spread: number;
  audience: Audience;
  /** Sent while the suppression list was broken (finding c). */
  leaky: boolean;
}

/** The in-app banner of a week, shown in app sessions. */
export interface InAppCampaign {
  from: number;
  spec: MessageSpec;
}

export interface Plan {
  messages: PlannedMessage[];
  inApp: InAppCampaign[];
}
