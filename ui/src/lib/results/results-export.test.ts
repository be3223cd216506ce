import { describe, expect, it } from "vitest";
import { exportPath } from "./results-export";

describe("exportPath", () => {
  it("keeps a path that already says .csv or .xlsx, whatever the format chosen", () => {
    expect(exportPath("/home/seller/results.xlsx", "xlsx")).toBe("/home/seller/results.xlsx");
    expect(exportPath("/home/seller/results.CSV", "xlsx")).toBe("/home/seller/results.CSV");
    expect(exportPath("C:\\Users\\seller\\results.csv", "csv")).toBe("C:\\Users\\seller\\results.csv");
  });

  it("adds the chosen format's extension to a name without one", () => {
    expect(exportPath("/home/seller/november", "xlsx")).toBe("/home/seller/november.xlsx");
    expect(exportPath("/home/seller/november.txt", "csv")).toBe("/home/seller/november.txt.csv");
    expect(exportPath("/home/seller/my.xlsx.backup", "csv")).toBe("/home/seller/my.xlsx.backup.csv");
  });
});
