import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Served by Assets at /console (apps/assets/src/console). No React plugin: Vite 8 transforms
// TSX with Oxc, told here to use React's automatic runtime.
export default defineConfig({
  root: here('.'),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: {
      '@sdk': here('../../sdk/typescript/src/index.ts'),
      'node:stream': here('src/node-stream-shim.ts'),
    },
  },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    manifest: true,
    // No inline scripts or styles anywhere: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    target: 'es2022',
    rolldownOptions: {
      // react-jsonschema-form marks its modules 'use client' (for React Server Components): noise here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
