/**
 * The layers of lib/ (DESIGN.md, "Where each rule lives"; CONTRIBUTING.md, "Architecture"), checked by
 * `npm run check:layers` in CI:
 *
 *   report <- errors <- options <- core <- (checks, render, notify, opentelemetry, testing) <- (http, openapi, grpc) <- (nest, cli)
 *
 * A folder may import its own layer's siblings and every layer below it, never one above; and no two
 * folders may import each other, directly or round a loop (a cycle at folder level). lib/index.ts and
 * the subpath barrels are entry points, not layers.
 */
const layers = [
  ['report'],
  ['errors'],
  ['options'],
  ['core'],
  ['checks', 'render', 'notify', 'opentelemetry', 'testing'],
  ['http', 'openapi', 'grpc'],
  ['nest', 'cli'],
];

const folders = (names) => `^lib/(${names.join('|')})/`;

/** One rule per layer: nothing in it imports a folder of a layer above. */
const upward = layers.slice(0, -1).map((layer, index) => {
  const above = layers.slice(index + 1).flat();
  return {
    name: `no-upward-import-from-${layer.join('-')}`,
    comment: `${layer.join(', ')} may not import ${above.join(', ')}: layers run one way (see CONTRIBUTING.md, Architecture).`,
    severity: 'error',
    from: { path: folders(layer) },
    to: { path: folders(above) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-folder-cycle',
      comment: 'Two folders of lib/ import each other, directly or round a loop: one of the imports runs back up a layer.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      comment: 'Two modules import each other at run time, directly or round a loop (a loop with a type-only import in it is erased by the compiler).',
      severity: 'error',
      from: { path: '^lib/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^lib/.*\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
  },
};
