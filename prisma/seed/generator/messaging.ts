import { DAY, dayOf, HOUR, MINUTE } from "./calendar";
import { propensity, relevance, unsubscribeChance } from "./engagement";
import { contactsWithin, emit, emitConsent, recordContact, type SimState } from "./state";
import type { DemoEvent, MessageSpec } from "./types";

export interface SendOptions {
  /** Sent through the broken suppression list (finding c): goes out despite the opt-out. */
  leak?: boolean;
  /** The deal-alert stream ignores stated frequency (finding f). */
  ignoreCap?: boolean;
  deal?: boolean;
}

/**
 * Sends one message to the customer at `t`. A contact needs consent in force and respects the
 * stated maxPerWeek, and is only ever sent at the time being simulated (a later one could miss
 * an opt-out not simulated yet); a transactional message (a receipt) needs neither.
 * Returns whether it was sent.
 */
export function send(s: SimState, spec: MessageSpec, at: number, options: SendOptions = {}): boolean {
  const t = Math.floor(at);
  const { ctx } = s;
  if (t >= ctx.calendar.end) return false;
  const contact = spec.kind !== "transactional";
  let violation = false;
  if (contact) {
    if (!s.consent.canContact(spec.channel, t)) {
      if (!options.leak) return false;
      violation = true;
    }
    const cap = s.prefs?.maxPerWeek ?? null;
    if (!violation && !options.ignoreCap && cap !== null && contactsWithin(s, t, 7 * DAY) >= cap)
      return false;
  }
  emit(s, {
    t,
    type: "message_sent",
    channel: spec.channel,
    messageId: spec.messageId,
    campaignId: spec.campaignId,
    kind: spec.kind,
    topic: spec.topic,
    properties: spec.properties,
  });
  ctx.catalogue.record(spec, t);
  if (contact) recordContact(s, t);
  respond(s, spec, t, violation, options);
  return true;
}

/** Delivery, opens, clicks and opt-outs that follow a send. */
function respond(s: SimState, spec: MessageSpec, t: number, violation: boolean, options: SendOptions): void {
  const { rng, profile } = s;
  const p = propensity(s);
  const rel = relevance(s, spec.topic, dayOf(s.ctx.calendar, t).month);
  const fatigue = 1 / (1 + Math.max(0, contactsWithin(s, t, 30 * DAY) - 10) / 15);
  let openedAt: number | null = null;

  switch (spec.channel) {
    case "email": {
      if (rng.chance(0.012))
        return void follow(s, spec, "message_bounced", t + rng.between(5_000, 10 * MINUTE));
      if (spec.kind !== "promotional") follow(s, spec, "message_delivered", t + rng.between(2_000, 60_000));
      if (profile.privacyProxy) follow(s, spec, "message_opened", t + rng.between(MINUTE, 4 * MINUTE));
      const openChance = spec.kind === "transactional" ? 0.6 : p.open * Math.sqrt(rel) * fatigue;
      if (rng.chance(openChance)) {
        openedAt = t + Math.min(5 * DAY, rng.logNormal(2 * HOUR, 1.1));
        follow(s, spec, "message_opened", openedAt);
        const clickChance = spec.kind === "transactional" ? 0.03 : Math.min(0.9, p.clickAfterOpen * rel);
        if (rng.chance(clickChance)) clickThrough(s, spec, openedAt + rng.between(10_000, 4 * MINUTE), "web");
      }
      break;
    }
    case "sms":
      if (rng.chance(0.02)) return void follow(s, spec, "message_bounced", t + rng.between(2_000, 30_000));
      follow(s, spec, "message_delivered", t + rng.between(2_000, 30_000));
      if (rng.chance(p.smsClick * rel * fatigue))
        clickThrough(s, spec, t + rng.logNormal(25 * MINUTE, 1), "web");
      break;
    case "push":
      if (rng.chance(0.01)) return void follow(s, spec, "message_bounced", t + rng.between(1_000, 5_000));
      if (rng.chance(p.tap * rel * fatigue)) {
        openedAt = t + rng.logNormal(20 * MINUTE, 1.2);
        follow(s, spec, "message_opened", openedAt);
        clickThrough(s, spec, openedAt + 1_000, "app");
      }
      break;
    case "in_app":
      if (rng.chance(p.inAppClick * rel)) clickThrough(s, spec, t + rng.between(5_000, 40_000), "app");
      break;
    case "direct_mail":
      if (rng.chance(0.05 * rel)) {
        const visit = t + rng.between(1, 6) * DAY;
        s.queue.push(Math.floor(visit), {
          kind: "session",
          channel: "web",
          focus: spec.topic,
          landing: "/katalog",
        });
      }
      break;
    case "phone":
      if (rng.chance(0.18)) s.queue.push(Math.floor(t + rng.between(5, 15) * MINUTE), { kind: "phoneOrder" });
      break;
  }
  if (spec.kind !== "transactional") optOuts(s, spec, t, openedAt, rel, violation, options);
}

/** An event about a send: same channel and messageId, the send's topic marked as inherited. */
function follow(s: SimState, spec: MessageSpec, type: DemoEvent["type"], t: number): boolean {
  return emit(s, {
    t,
    type,
    channel: spec.channel,
    messageId: spec.messageId,
    campaignId: spec.campaignId,
    topic: spec.topic,
    topicInherited: spec.topic !== null,
  });
}

function clickThrough(s: SimState, spec: MessageSpec, clickAt: number, channel: "web" | "app"): void {
  if (!follow(s, spec, "message_clicked", clickAt)) return;
  s.lastActiveAt = Math.max(s.lastActiveAt, Math.floor(clickAt));
  s.queue.push(Math.floor(clickAt + 3_000), {
    kind: "session",
    channel,
    focus: spec.topic,
    landing: `/kampagne/${spec.campaignId}`,
  });
}

function optOuts(
  s: SimState,
  spec: MessageSpec,
  t: number,
  openedAt: number | null,
  rel: number,
  violation: boolean,
  options: SendOptions,
) {
  const { rng } = s;
  const channel = spec.channel;
  const unsubscribe = violation ? 0.05 : unsubscribeChance(s, channel, t, rel, options.deal === true);
  if (unsubscribe > 0 && rng.chance(unsubscribe)) {
    const when = (openedAt ?? t + rng.logNormal(4 * HOUR, 1)) + rng.between(20_000, 2 * MINUTE);
    // Some unsubscribe from everything at once: a channel-less opt-out.
    const everything = rng.chance(0.12);
    const source = channel === "push" ? "app-settings" : channel === "sms" ? "sms-stop" : "unsubscribe-link";
    emitConsent(s, when, everything ? null : channel, "unsubscribed", source);
    return;
  }
  if (channel !== "email") return;
  const recent = contactsWithin(s, t, 30 * DAY);
  const complaint = violation ? 0.03 : 0.00012 * (1 + Math.max(0, recent - 6) / 6);
  if (rng.chance(complaint))
    emitConsent(s, t + rng.logNormal(6 * HOUR, 1), "email", "complained", "spam-report");
}
