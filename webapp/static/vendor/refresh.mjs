// Copy the front-end builds from node_modules into webapp/static/vendor/ (run `npm ci && npm run vendor`):
// YASGUI (the query editor), sigma.js and graphology (the cooperation maps). Only the bundles, their stylesheets,
// licences and a VERSION file are kept; source-map comments are dropped so browsers ask for nothing that is not
// vendored.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");

function vendor(pkg, folder, files, licence) {
  const src = join(root, "node_modules", ...pkg.split("/"));
  const out = join(here, folder);
  mkdirSync(out, { recursive: true });
  const meta = JSON.parse(readFileSync(join(src, "package.json"), "utf8"));
  for (const [from, to] of files) {
    if (from.endsWith(".js")) {
      const js = readFileSync(join(src, from), "utf8").replace(/\n?\/\/# sourceMappingURL=.*\s*$/, "\n");
      writeFileSync(join(out, to), js);
    } else {
      copyFileSync(join(src, from), join(out, to));
    }
  }
  writeFileSync(join(out, "VERSION"), `${pkg} ${meta.version}\nlicence: ${meta.license}\nsource: ${meta.homepage || meta.repository?.url || ""}\n`);
  if (licence && existsSync(join(src, licence))) copyFileSync(join(src, licence), join(out, "LICENSE"));
  console.log(`vendored ${pkg} ${meta.version} into ${out}`);
}

vendor("@zazuko/yasgui", "yasgui", [["build/yasgui.min.js", "yasgui.min.js"], ["build/yasgui.min.css", "yasgui.min.css"]], "LICENSE");
vendor("sigma", "sigma", [["dist/sigma.min.js", "sigma.min.js"]], "LICENSE.txt");
vendor("graphology", "graphology", [["dist/graphology.umd.min.js", "graphology.umd.min.js"]], "LICENSE.txt");
