/**
 * Contact data that must never be published (DESIGN.md, "Personal data"): e-mail addresses, phone
 * numbers and Chilean RUTs with a valid check digit. Patterns are deliberately narrow so that law
 * numbers ("Ley 20.500"), dates and times in actas are not mistaken for them.
 */
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// +56 followed by 8–9 digits; a 9-digit mobile starting with 9; or an area code in parentheses.
const phones = [
  /\+\s?56[\s.-]?(?:\(?\d\)?[\s.-]?)?\d(?:[\s.-]?\d){6,7}\b/,
  /(?<![\d.])9[\s.-]?\d{4}[\s.-]?\d{4}(?![\d.])/,
  /\(\s?0?\d{1,2}\s?\)[\s.-]?\d{3,4}[\s.-]?\d{4}\b/,
];

// 12.345.678-5 or 12345678-5: body, a hyphen, and a check digit.
const rutPattern = /(?<![\d.])(\d{1,2}(?:\.\d{3}){2}|\d{7,8})-([\dkK])(?![\w])/g;

/** The check digit of a RUT body (modulo 11 with weights 2..7). */
export function rutCheckDigit(body: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const digit = 11 - (sum % 11);
  return digit === 11 ? '0' : digit === 10 ? 'K' : String(digit);
}

function hasValidRut(text: string): boolean {
  for (const match of text.matchAll(rutPattern)) {
    const body = (match[1] ?? '').replace(/\./g, '');
    if (rutCheckDigit(body) === (match[2] ?? '').toUpperCase()) return true;
  }
  return false;
}

export type ContactKind = 'email' | 'phone' | 'rut';

/** Spanish names for the report. */
export const contactKindNames: Record<ContactKind, string> = {
  email: 'una dirección de correo electrónico',
  phone: 'un número de teléfono',
  rut: 'un RUT',
};

// Cheap guards first: most text has no "@", no digit-hyphen and no run of digits, and the full
// patterns are costly over every string of every record.
const mayHoldEmail = (text: string) => text.includes('@');
const mayHoldRut = (text: string) => /\d-[\dkK]/.test(text);
const mayHoldPhone = (text: string) => /\d(?:[\s.()-]*\d){7}/.test(text);

export function findContactData(text: string): ContactKind | undefined {
  if (mayHoldEmail(text) && email.test(text)) return 'email';
  if (mayHoldRut(text) && hasValidRut(text)) return 'rut';
  if (mayHoldPhone(text) && phones.some((re) => re.test(text))) return 'phone';
  return undefined;
}
