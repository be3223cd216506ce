// Avatar initials and colour. Names come from spreadsheets: they may be empty, emoji, right-to-left or
// start with punctuation, so initials are whole graphemes (an emoji flag stays one "letter").

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

/** Up to two initials from the display name's first two words, else the handle's first character. */
export function initials(displayName: string | null | undefined, handle: string): string {
  const words = (displayName ?? "")
    .split(/[\s\-_.·]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]+/u, ""))
    .filter((word) => word.length > 0);
  const letters = words.slice(0, 2).map(firstGrapheme);
  if (letters.length === 0) {
    const fallback = handle.replace(/^@/, "").replace(/^[^\p{L}\p{N}]+/u, "");
    letters.push(firstGrapheme(fallback) || "?");
  }
  return letters.join("").toLocaleUpperCase();
}

/** A stable hue (0–359) for a handle: FNV-1a over its UTF-16 code units. */
export function hueFor(handle: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < handle.length; i += 1) {
    hash ^= handle.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}
