
// walint (appended to the wasm-bindgen glue by scripts/build-wasm.sh): a call on a Linter
// after free() throws an Error with `code: "freed"`, in the Linter's language, instead of
// wasm-bindgen's bare "null pointer passed to rust"; a second free() does nothing.
const walintFreedLang = new WeakMap();
{
  const proto = Linter.prototype;
  const freed = (linter) => {
    const ru = walintFreedLang.get(linter) === 'ru';
    const message = ru
      ? 'этот Linter уже освобождён вызовом free(): создайте новый Linter'
      : 'this Linter was freed (free() was called): create a new Linter';
    return Object.assign(new Error(message), { code: 'freed' });
  };
  const guard = (call) => function (...args) {
    if (!this.__wbg_ptr) throw freed(this);
    return call.apply(this, args);
  };
  const free = proto.free;
  Object.defineProperty(proto, 'free', {
    configurable: true,
    writable: true,
    value: function () {
      if (!this.__wbg_ptr) return;
      walintFreedLang.set(this, this.__lang());
      free.call(this);
    },
  });
  for (const name of ['lint', 'lintJson', 'lintText', 'rules', '__lang']) {
    Object.defineProperty(proto, name, { configurable: true, writable: true, value: guard(proto[name]) });
  }
  const version = Object.getOwnPropertyDescriptor(proto, 'version');
  Object.defineProperty(proto, 'version', { ...version, get: guard(version.get) });
}
