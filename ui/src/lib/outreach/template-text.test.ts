import { describe, expect, it } from "vitest";
import {
  chipDeletion,
  labelOf,
  parseTemplate,
  pastedText,
  replaceRange,
  serialiseTemplate,
  snap,
  tokenFor,
} from "./template-text";
import { offsetOf, placeCaret, positionOf, readTemplate, renderTemplate, selectionIn } from "./template-dom";

/** Templates that must come back byte for byte. */
const TRICKY = [
  "",
  "Hi {{ creator.handle }},\n\nWe love your content.\n",
  "{{creator.handle}}{{ product.name }}",
  "Line one\r\nline two\n\n\n",
  "{{ offer.commission }}{% if offer.sample %} and a free sample{% endif %}.",
  "{{ unknown.field }} and {{- creator.name -}} and {{ creator.handle | upper }}",
  "A { brace } and {{ not closed, and }} stray } and {% raw %}{{ x }}{% endraw %}",
  "{# a comment #}{{ seller.name\n}}",
  "emoji 👋🏽 and עברית {{ creator.name }} ✨",
  "{{{ product.name }}}",
  "}}{{",
];

describe("template text", () => {
  it("parses merge fields as chips named in words, and serialises back losslessly", () => {
    for (const template of TRICKY) expect(serialiseTemplate(parseTemplate(template))).toBe(template);
    expect(parseTemplate("Hi {{ creator.handle }}, {{ x.y }}")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "chip", token: "{{ creator.handle }}", label: "Creator's handle", look: "field" },
      { kind: "text", text: ", " },
      { kind: "chip", token: "{{ x.y }}", label: "{{ x.y }}", look: "unknown" },
    ]);
  });

  it("names known fields and conditions on them in words; anything else shows its raw token", () => {
    expect(labelOf("{{product.name}}")).toEqual({ label: "Product", look: "field" });
    expect(labelOf("{{  seller.name\n}}")).toEqual({ label: "Your shop", look: "field" });
    expect(labelOf("{{ product.name | upper }}")).toEqual({
      label: "{{ product.name | upper }}",
      look: "unknown",
    });
    expect(labelOf("{{- creator.name }}")).toMatchObject({ look: "unknown" });
    expect(labelOf("{% if offer.sample %}")).toEqual({ label: "If free sample", look: "condition" });
    expect(labelOf("{%elif not offer.flat_fee%}")).toEqual({
      label: "Or if not flat fee",
      look: "condition",
    });
    expect(labelOf("{% else %}")).toEqual({ label: "Otherwise", look: "condition" });
    expect(labelOf("{% endif %}")).toEqual({ label: "End if", look: "condition" });
    expect(labelOf("{% for x in y %}")).toMatchObject({ look: "unknown" });
    expect(labelOf("{% if offer.nothing %}")).toMatchObject({ look: "unknown" });
    expect(tokenFor("offer.deadline")).toBe("{{ offer.deadline }}");
  });

  it("round-trips random text made of braces, tokens and line breaks", () => {
    const bits = ["{", "}", "{{", "}}", " ", "\n", "a", "{{ creator.handle }}", "{%", "%}", "é", "👋"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const template = Array.from({ length: next() % 20 }, () => bits[next() % bits.length]).join("");
      expect(serialiseTemplate(parseTemplate(template))).toBe(template);
    }
  });

  it("moves an offset inside a chip to its edge", () => {
    const t = "Hi {{ creator.handle }}!";
    expect(snap(t, 5, "start")).toBe(3);
    expect(snap(t, 5, "end")).toBe(23);
    expect(snap(t, 3, "end")).toBe(3);
    expect(snap(t, 99, "end")).toBe(t.length);
  });

  it("inserts over a selection widened to whole chips, the caret after the insert", () => {
    const t = "Hi {{ creator.handle }}!";
    expect(replaceRange(t, 3, 3, tokenFor("seller.name"))).toEqual({
      template: "Hi {{ seller.name }}{{ creator.handle }}!",
      caret: 20,
    });
    expect(replaceRange(t, 1, 8, "ey")).toEqual({ template: "Hey!", caret: 3 });
    // Pasting a whole token makes a chip, and the caret lands after it.
    expect(replaceRange("ab", 1, 1, "{{ product.name }}")).toEqual({
      template: "a{{ product.name }}b",
      caret: 19,
    });
  });

  it("deletes a chip as a unit with Backspace or Delete, and leaves plain text to the browser", () => {
    expect(chipDeletion("a{% endif %}", 12, 12, "backward")).toEqual({ template: "a", caret: 1 });
    const t = "Hi {{ creator.handle }}, {{ x }}";
    expect(chipDeletion(t, 23, 23, "backward")).toEqual({ template: "Hi , {{ x }}", caret: 3 });
    expect(chipDeletion(t, 3, 3, "forward")).toEqual({ template: "Hi , {{ x }}", caret: 3 });
    expect(chipDeletion(t, 3, 3, "backward")).toBeNull(); // the space before it
    expect(chipDeletion(t, 23, 23, "forward")).toBeNull(); // the comma after it
    expect(chipDeletion(t, t.length, t.length, "backward")).toEqual({
      template: "Hi {{ creator.handle }}, ",
      caret: 25,
    });
    // A selection that touches a chip goes, the chip whole; one that doesn't is the browser's.
    expect(chipDeletion(t, 1, 10, "backward")).toEqual({ template: "H, {{ x }}", caret: 1 });
    expect(chipDeletion(t, 0, 2, "forward")).toBeNull();
    expect(chipDeletion("", 0, 0, "backward")).toBeNull();
  });

  it("takes pasted text as plain text; on one line, line breaks become spaces", () => {
    expect(pastedText("a\r\nb\rc\n", false)).toBe("a\nb\nc\n");
    expect(pastedText("Offer\r\n\r\nfor you", true)).toBe("Offer for you");
  });
});

describe("the editor's DOM", () => {
  function editor(template: string, multiline = true): HTMLElement {
    const root = document.createElement("div");
    document.body.replaceChildren(root);
    renderTemplate(root, template, multiline);
    return root;
  }

  it("draws chips named in words, as text, and reads back the exact template", () => {
    for (const template of TRICKY) {
      expect(readTemplate(editor(template))).toBe(template);
      expect(readTemplate(editor(template, false))).toBe(template);
    }
    const root = editor("Hi {{ creator.handle }} <img src=x onerror=alert(1)>\n");
    expect(root.textContent).toBe("Hi Creator's handle <img src=x onerror=alert(1)>\n");
    expect(root.querySelector("img")).toBeNull();
    const chip = root.querySelector(".merge-chip") as HTMLElement;
    expect(chip.contentEditable).toBe("false");
    expect(editor("{{ a.b }}").querySelector(".merge-chip.unknown")).toHaveProperty(
      "textContent",
      "{{ a.b }}",
    );
  });

  it("reads the lines a browser may wrap in blocks or break with <br>", () => {
    const root = document.createElement("div");
    root.innerHTML = "Hi<div>there</div><div><br></div><div>bye</div>";
    expect(readTemplate(root)).toBe("Hi\nthere\n\nbye");
  });

  it("maps template offsets to DOM positions and back, never inside a chip", () => {
    const template = "Hi {{ creator.handle }}{{ product.name }}\nbye";
    const root = editor(template);
    for (const offset of [0, 2, 3, 23, 41, 42, template.length]) {
      const { node, offset: at } = positionOf(root, offset);
      expect(offsetOf(root, node, at)).toBe(offset);
    }
    // An offset inside a chip lands after it.
    const inside = positionOf(root, 10);
    expect(offsetOf(root, inside.node, inside.offset)).toBe(23);
    placeCaret(root, 23);
    expect(selectionIn(root)).toEqual({ start: 23, end: 23 });
  });
});
