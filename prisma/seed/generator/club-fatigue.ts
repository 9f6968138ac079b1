import { MINUTE } from "./calendar";
import type { PlannedMessage } from "./plan-types";
import { emitConsent, type SimState } from "./state";
import type { MessageChannel } from "./types";

const SOURCE: Partial<Record<MessageChannel, string>> = {
  email: "unsubscribe-link",
  sms: "sms-stop",
  push: "app-settings",
};

/**
 * Finding (a): a member stands a number of club messages (their patience, counted on the
 * club's own send calendar from the day they joined) and then unsubscribes, shortly after
 * the message that tipped them over. The club sends more each month, so this comes sooner
 * and sooner: the club's unsubscribes rise month by month.
 */
export function scheduleClubFatigue(s: SimState): void {
  const club = s.profile.club;
  if (!club) return;
  const messages = s.ctx.clubMessages;
  let first = 0;
  while (first < messages.length && messages[first].at < club.enrollAt) first++;
  for (const patience of club.patience) {
    const message = messages[first + Math.ceil(patience)];
    if (!message) return;
    const at = message.at + message.spread + 10 * MINUTE + s.rng.next() * 50 * MINUTE;
    s.queue.push(Math.floor(at), { kind: "clubFatigue", message });
  }
}

/**
 * Unsubscribes from the tipping message's channel when that is an e-mail or SMS link away,
 * else from e-mail, SMS or push, whichever is still open (push takes a trip to the settings).
 */
export function clubFatigue(s: SimState, t: number, message: PlannedMessage): void {
  const candidates: MessageChannel[] = [
    message.channel === "push" ? "email" : message.channel,
    "email",
    "sms",
    "push",
  ];
  const channel = candidates.find((ch) => SOURCE[ch] !== undefined && s.consent.canContact(ch, t));
  if (!channel) return;
  // One in five has had enough of everything: a channel-less opt-out.
  const everything = s.rng.chance(0.2);
  emitConsent(s, t, everything ? null : channel, "unsubscribed", SOURCE[channel] ?? "unsubscribe-link");
}
