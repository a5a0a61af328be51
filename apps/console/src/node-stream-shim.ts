/**
 * The SDK's storage helpers offer Node streams (`node:stream`), which a browser has not. The
 * console never calls them; this stands in so the bundle carries no Node polyfill.
 */
export const Readable = {
  fromWeb(): never {
    throw new Error('Node streams are not available in the browser');
  },
};
