// Validates rupa's YAML files against schemas/ with ajv, the way an editor's YAML extension
// reads them: every sample spec, template and brand kit must pass, and every file under
// tests/schema/ (each named <case>.<kind>.yaml, each wrong on purpose) must be rejected, with
// the error its line "# schema: ..." names among ajv's.
// Test tooling only (tests/schema_test.cpp runs it); rupa never needs Node.
// Usage: node tests/tools/schema-check/check.mjs REPO_ROOT
import Ajv from "ajv";
import YAML from "yaml";
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2] ?? ".";
// strict: a keyword ajv does not know is an error, except the editor's hover text; a scene
// says which of its keys it requires in an anyOf beside its properties, which strictRequired
// would refuse.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
ajv.addKeyword("markdownDescription");
const validators = {};
for (const kind of ["spec", "template", "brand"]) {
  const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", `${kind}.schema.json`), "utf8"));
  validators[kind] = ajv.compile(schema);
}

const listed = (folder, match) =>
  fs.existsSync(path.join(root, folder))
    ? fs.readdirSync(path.join(root, folder)).filter(match).sort().map((name) => path.join(folder, name))
    : [];
const inFolders = (folder, file) =>
  listed(folder, (name) => fs.existsSync(path.join(root, folder, name, file))).map((dir) => path.join(dir, file));

const good = [
  ...listed("samples", (name) => name.endsWith(".yaml")).map((file) => [file, "spec"]),
  ...inFolders("templates", "template.yaml").map((file) => [file, "template"]),
  ...inFolders("templates/brands", "brand.yaml").map((file) => [file, "brand"]),
];
const bad = listed("tests/schema", (name) => /\.(spec|template|brand)\.yaml$/.test(name)).map((file) => [
  file,
  file.match(/\.(spec|template|brand)\.yaml$/)[1],
]);

const check = (file, kind) => {
  const data = YAML.parse(fs.readFileSync(path.join(root, file), "utf8"));
  const validate = validators[kind];
  if (validate(data)) return [];
  return validate.errors.map(
    (e) =>
      `${e.instancePath || "/"} ${e.message}` +
      (e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ""),
  );
};

let failed = 0;
for (const [file, kind] of good) {
  const errors = check(file, kind);
  if (errors.length === 0) {
    console.log(`accepted ${file}`);
  } else {
    failed++;
    console.log(`WRONGLY REJECTED ${file} (${kind}): ${[...new Set(errors)].slice(0, 5).join("; ")}`);
  }
}
for (const [file, kind] of bad) {
  const errors = check(file, kind);
  const expected = fs.readFileSync(path.join(root, file), "utf8").match(/^# schema: (.*)$/m)?.[1];
  const named = expected && errors.find((e) => e === expected);
  if (named) {
    console.log(`rejected ${file}: ${named}`);
  } else {
    failed++;
    if (!expected) console.log(`NO "# schema: ..." LINE IN ${file}`);
    else if (errors.length === 0) console.log(`WRONGLY ACCEPTED ${file} (${kind})`);
    else console.log(`REJECTED ${file} BUT NOT WITH "${expected}": ${[...new Set(errors)].join("; ")}`);
  }
}
console.log(`${good.length + bad.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
