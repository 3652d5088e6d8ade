// Deno entry: `deno serve --allow-read=pkg examples/edge/deno.mjs` from the repository root
// (build the package first: scripts/build-wasm.sh).
import { makeHandler } from './handler.mjs';

const bytes = await Deno.readFile(new URL('../../pkg/edge/walint_bg.wasm', import.meta.url));
export default makeHandler(await WebAssembly.compile(bytes));
