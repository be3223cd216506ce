import { describe, expect, it, vi } from "vitest";
import { fieldElement, landOnField } from "./land-on-field";

function form(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

describe("landing on a field", () => {
  it("finds the field by its name, else the first field of its group", () => {
    const root = form(
      `<div data-field="seller.name"><input id="shop"></div>
       <div data-field="email.host"><input id="host"></div>
       <div data-field="email.port"><input id="port"></div>`,
    );
    expect(fieldElement(root, "seller.name")?.querySelector("input")?.id).toBe("shop");
    expect(fieldElement(root, "email.account")?.querySelector("input")?.id).toBe("host");
    expect(fieldElement(root, "terms.commission")).toBeNull();
    root.remove();
  });

  it("waits for a form that fills in later, then focuses its input", async () => {
    const root = form("");
    const done = vi.fn();
    landOnField(root, "seller.name", done);
    await new Promise((r) => setTimeout(r, 40));
    expect(done).not.toHaveBeenCalled();
    root.innerHTML = `<div data-field="seller.name"><input id="shop"></div>`;
    await vi.waitFor(() => expect(done).toHaveBeenCalledOnce());
    expect(document.activeElement?.id).toBe("shop");
    root.remove();
  });
});
