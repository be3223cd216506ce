// Fails the build if the development-only mock backend (src/lib/dev/) leaked into ui/dist.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MARKERS = ["Mock IPC · synthetic data", "mockCreators", "mockDemoSize", "installMockBackend"];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const leaks = files("dist").flatMap((file) => {
  const text = readFileSync(file, "utf8");
  return MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
});

if (leaks.length > 0) {
  console.error(`The mock backend is in the production build:\n${leaks.join("\n")}`);
  process.exit(1);
}
console.log("dist: no development mock code");
