/**
 * HTML as values. Every page is written with the `html` tag, which escapes whatever it
 * interpolates unless it is already `Html` (made by this tag, or by `trustedHtml` for text the
 * program itself wrote). So record text can only ever become text: forgetting to escape is not
 * possible, escaping twice is not possible either.
 */

/** A fragment of markup that is safe to put into a page as is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text → markup that shows exactly that text, in element content and in quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c] as string);

function markupOf(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(markupOf).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, interpolated values are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += markupOf(value) + (strings[i + 1] ?? '');
  });
  return new Html(markup);
}

/** Markup the program wrote itself (never record text): e.g. a JSON data block already made inert. */
export const trustedHtml = (markup: string): Html => new Html(markup);

/**
 * JSON inside a <script type="application/json"> or "application/ld+json" block: "<" is written as
 * \u003c so that no value can close the element ("</script>") or open a comment ("<!--").
 */
export const jsonBlock = (value: unknown, indent?: number): Html =>
  new Html(
    JSON.stringify(value, null, indent)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026'),
  );
