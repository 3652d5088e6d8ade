// walint: builds a lint result from the tape written by src/wasm/tape.rs (the word format is
// described there). One call per result: the text of every string arrives decoded once, as
// `text`, and each string is a slice of it.
export function walintFromTape(words, floats, text) {
  const NULL = 0, FALSE = 1, TRUE = 2, INT = 3, FLOAT = 4, STRING = 5, ARRAY = 6, OBJECT = 7;
  const INLINE_KEY = 0xffffffff;
  let w = 0;
  let f = 0;
  let t = 0;
  const keys = [];
  const slice = (units) => text.slice(t, (t += units));
  const value = () => {
    const word = words[w++];
    const operand = word >>> 3;
    switch (word & 7) {
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case INT: return operand;
      case FLOAT: return floats[f++];
      case STRING: return slice(operand);
      case ARRAY: {
        const array = [];
        for (let i = 0; i < operand; i++) array.push(value());
        return array;
      }
      case OBJECT: {
        const object = {};
        for (let i = 0; i < operand; i++) {
          const id = words[w++];
          let key;
          if (id < keys.length) {
            key = keys[id];
          } else {
            key = slice(words[w++]);
            if (id !== INLINE_KEY) keys.push(key);
          }
          object[key] = value();
        }
        return object;
      }
    }
    throw new Error(`walint: a broken result tape (word ${word} at ${w - 1})`);
  };
  return value();
}
