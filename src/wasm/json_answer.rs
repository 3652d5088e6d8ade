//! The result as JSON text, byte for byte what `JSON.stringify` prints for the objects `lint`
//! returns (`lintJson`).
//!
//! serde_json already writes what `JSON.stringify` writes for everything walint's results hold:
//! struct fields in their declared order (no field name is an integer, which a JavaScript object
//! would move to the front), no whitespace, integers as digits, and the same string escapes
//! (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as lower-case `\u00XX`;
//! U+2028 and U+2029 as they are; a Rust string holds no lone surrogate, the one case where
//! the two differ). Numbers that are not integers are the exception: serde_json writes `1.0`,
//! `-0.0` and `1e21` where JavaScript writes `1`, `0` and `1e+21`. So they are printed by
//! JavaScript itself.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(number)`: what JSON.stringify prints for a finite number.
    #[wasm_bindgen(js_name = String)]
    fn number_to_string(value: f64) -> String;
}

/// `value` as compact JSON, numbers printed as JavaScript prints them.
pub(super) fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out,
        JavaScriptNumbers,
    ))?;
    Ok(out)
}

/// serde_json's compact output, with `f64`s as `JSON.stringify` writes them.
struct JavaScriptNumbers;

impl Formatter for JavaScriptNumbers {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        if !value.is_finite() {
            // JSON.stringify(NaN), JSON.stringify(Infinity)
            return writer.write_all(b"null");
        }
        // `-0` prints as `0`, as in JSON.stringify.
        writer.write_all(number_to_string(value).as_bytes())
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }
}
