import { expect, test } from "vitest";

import { clientIp } from "@/lib/server/auth/client-ip";

const ip = (headers: Record<string, string>) => clientIp(new Headers(headers));

test("the last X-Forwarded-For entry is the client as the nearest proxy saw it", () => {
  expect(ip({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  // A client-written first entry cannot choose its own counter behind a proxy that appends.
  expect(ip({ "x-forwarded-for": "1.2.3.4, 198.51.100.20" })).toBe("198.51.100.20");
  expect(ip({ "x-forwarded-for": "2001:DB8::1" })).toBe("2001:db8::1");
});

test("an IPv4 client on an IPv6 socket counts as its IPv4 address", () => {
  expect(ip({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  expect(ip({ "x-forwarded-for": "::1" })).toBe("::1");
});

test("X-Real-IP when there is no X-Forwarded-For; null when nothing usable is there", () => {
  expect(ip({ "x-real-ip": "192.0.2.1" })).toBe("192.0.2.1");
  expect(ip({})).toBeNull();
  expect(ip({ "x-forwarded-for": "not an address" })).toBeNull();
  expect(ip({ "x-forwarded-for": "1.2.3.4, ' OR 1=1 --" })).toBeNull();
  expect(ip({ "x-forwarded-for": "9".repeat(200) })).toBeNull();
});
