// Compiled with `tsc --noEmit` against the built package's web build (the `workerd` condition),
// as a page or a Worker uses it.
import init, { initSync, Linter, type InitOutput, type LintResult } from 'walint';

// In a page: fetch and instantiate the .wasm next to the module.
export async function inPage(text: string): Promise<LintResult> {
  const output: InitOutput = await init();
  console.log(output.memory.buffer.byteLength);
  return new Linter({ lang: 'en' }).lintText(text);
}

// In a Worker: the runtime hands over a compiled module; compiling from bytes is not allowed.
declare const wasmModule: WebAssembly.Module;
initSync({ module: wasmModule });

export default {
  async fetch(request: Request): Promise<Response> {
    const linter = new Linter();
    return Response.json(linter.lint(await request.text()));
  },
};

// @ts-expect-error: the web build has the same precise types
new Linter({ lang: 'de' });
