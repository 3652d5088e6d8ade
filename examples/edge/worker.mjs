// Cloudflare Worker entry: `wrangler dev` / `wrangler deploy` with wrangler.toml in this folder
// (build the package first: scripts/build-wasm.sh). Workers may not compile WebAssembly from
// bytes, so the .wasm is imported as a compiled module and handed to initSync.
import wasmModule from '../../pkg/edge/walint_bg.wasm';
import { makeHandler } from './handler.mjs';

export default makeHandler(wasmModule);
