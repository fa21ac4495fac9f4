/** The most characters of one piece of client-supplied text a log line carries. */
export const logTextMaxLength = 200;

// C0 and C1 controls, DEL, format characters (bidi overrides, zero-width) and the line and paragraph separators.
const unprintable = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const escaped = (character: string) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/**
 * Text a client could have chosen (an operation name, an alias, a header, an error message that quotes either),
 * made safe for one log line: control and format characters are escaped, so a newline cannot forge a log line
 * and an escape sequence cannot drive the terminal; and it is cut to `maxLength` characters, saying how many more
 * there were. Every log line that holds client text passes it through here.
 */
export function logText(value: unknown, maxLength: number = logTextMaxLength): string {
  const text = value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : String(value);
  const characters = [...text];
  const kept = characters.length > maxLength ? `${characters.slice(0, maxLength).join('')}… (${characters.length - maxLength} more characters)` : text;
  return kept.replace(unprintable, escaped);
}
