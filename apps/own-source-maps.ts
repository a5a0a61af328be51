import { getSourceMapsSupport, setSourceMapsSupport } from 'node:module';

// Imported first by every entry point, before the app is imported (dynamically, so that nothing
// compiles before this runs). --enable-source-maps (production NODE_OPTIONS) also parses and keeps
// the map of every module under node_modules: about 10 MiB of idle heap (typeorm alone 6.7), to map
// frames to .ts files those packages do not ship. Our own frames stay mapped.
const sourceMaps = getSourceMapsSupport();
if (sourceMaps.enabled) setSourceMapsSupport(true, { ...sourceMaps, nodeModules: false });
