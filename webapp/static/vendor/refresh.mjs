// Copy the YASGUI build from node_modules into webapp/static/vendor/yasgui/ (run `npm ci && npm run vendor`).
// Only the bundle and its stylesheet are kept; the source-map comment is dropped so browsers ask for nothing
// that is not vendored.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const src = join(root, "node_modules", "@zazuko", "yasgui");
const out = join(here, "yasgui");
mkdirSync(out, { recursive: true });
const meta = JSON.parse(readFileSync(join(src, "package.json"), "utf8"));
const version = meta.version;
const js = readFileSync(join(src, "build", "yasgui.min.js"), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
writeFileSync(join(out, "yasgui.min.js"), js);
copyFileSync(join(src, "build", "yasgui.min.css"), join(out, "yasgui.min.css"));
writeFileSync(join(out, "VERSION"), `@zazuko/yasgui ${version}\nlicence: ${meta.license}\nsource: ${meta.homepage}\n`);
if (existsSync(join(src, "LICENSE"))) copyFileSync(join(src, "LICENSE"), join(out, "LICENSE"));
console.log(`vendored @zazuko/yasgui ${version} into ${out}`);
