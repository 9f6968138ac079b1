/**
 * The privacy guard of the event contract: customer keys must not be contact details, and
 * traits must not carry raw e-mail addresses (send `emailSha256` instead). See docs/api.md.
 */

/** Something of the form `local@domain.tld` anywhere in the text. */
const EMAIL_ADDRESS = /[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+/;

/** Only phone-number characters: an optional leading +, digits, spaces, dashes, dots, parentheses. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

/**
 * A value with 8–15 digits (E.164 allows at most 15; the shortest national numbers in use
 * have 8) and nothing but phone-number characters is taken for a phone number. Shorter
 * numeric keys such as "12345" or "0042137" are ordinary ids.
 */
export const PHONE_DIGITS = { min: 8, max: 15 } as const;

export function looksLikeEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value);
}

export function looksLikePhoneNumber(value: string): boolean {
  if (!PHONE_CHARACTERS.test(value)) return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

export const CUSTOMER_ID_EMAIL_MESSAGE = "looks like an e-mail address; use your own customer key (CRM id)";
export const CUSTOMER_ID_PHONE_MESSAGE = "looks like a phone number; use your own customer key (CRM id)";
export const RAW_EMAIL_TRAIT_MESSAGE = "raw e-mail addresses are not accepted; send emailSha256";
