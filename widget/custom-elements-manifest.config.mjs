// `cem analyze` settings for <fair-drop> (run by scripts/manifest.mjs): the manifest from the element's JSDoc.
export default { globs: ['src/fair-drop.ts'], litelement: true, packagejson: false };
