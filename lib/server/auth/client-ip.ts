import "server-only";

const IP_CHARACTERS = /^[0-9a-f:.]{2,45}$/i;

/**
 * The client's IP address as the nearest proxy saw it: the last entry of X-Forwarded-For
 * (each proxy appends the address it was reached from; Next.js sets the header from the socket
 * when no proxy did), else X-Real-IP. Null when neither holds an IP address. Behind no proxy a
 * client can write the header itself; the per-address lockout does not depend on it.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = forwarded?.at(-1) ?? headers.get("x-real-ip")?.trim();
  if (!candidate || !IP_CHARACTERS.test(candidate)) return null;
  const ip = candidate.toLowerCase();
  // An IPv4 client on an IPv6 socket: the same client as its IPv4 address.
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice("::ffff:".length) : ip;
}
