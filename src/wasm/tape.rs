//! Results to JavaScript values through a tape: Rust writes the value as a flat list of
//! 32-bit words, the numbers that are not small integers and all the text in one string, and
//! one JavaScript function (`tape.js`) builds the objects from them.
//!
//! Building the objects from Rust one property at a time (serde-wasm-bindgen) crosses into
//! JavaScript for every key and value and decodes every string on its own: about a fifth of a
//! `lint()` in Node. Here a result crosses once, its text is decoded once, and the objects are
//! built by JavaScript the engine compiles. They are what serde-wasm-bindgen's
//! `json_compatible` serializer gives: struct fields in their order, `None` and `()` as `null`,
//! unit variants as their names, newtype variants as `{name: value}` (results have no maps).
//!
//! The words: the low three bits are the kind, the rest its operand.
//! - `NULL`, `FALSE`, `TRUE`;
//! - `INT`: the operand is the number (below 2^29; larger and fractional numbers are `FLOAT`);
//! - `FLOAT`: the next number of the float list;
//! - `STRING`: the operand is its length in UTF-16 units, taken from the text;
//! - `ARRAY`: the operand is the number of values that follow;
//! - `OBJECT`: the operand is the number of key/value pairs that follow; a key is a word: the
//!   number of a key this tape already named, or the next number (a new key, its length and
//!   text follow, as for a string), or [`INLINE_KEY`] (a key not remembered: its length and
//!   text follow).

use crate::text::utf16_len;
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    /// Builds the JavaScript value a tape describes.
    #[wasm_bindgen(js_name = walintFromTape)]
    fn from_tape(words: &[u32], floats: &[f64], text: &str) -> JsValue;
}

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INT: u32 = 3;
const FLOAT: u32 = 4;
const STRING: u32 = 5;
const ARRAY: u32 = 6;
const OBJECT: u32 = 7;
/// The largest operand a word holds.
const MAX_OPERAND: u64 = (1 << 29) - 1;
/// A key word: a key not remembered (more distinct keys than [`Keys`] holds).
const INLINE_KEY: u32 = u32::MAX;

/// Buffers larger than this after a call are dropped rather than kept for the next one.
const KEEP_BYTES: usize = 1 << 20;

thread_local! {
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
}

/// `value` as a JavaScript value (objects, arrays, numbers, strings, booleans, `null`).
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    TAPE.with(|tape| {
        let mut tape = tape.borrow_mut();
        tape.start();
        let built = value
            .serialize(&mut *tape)
            .map(|()| from_tape(&tape.words, &tape.floats, &tape.text));
        if tape.words.capacity() * 4 + tape.text.capacity() + tape.floats.capacity() * 8
            > KEEP_BYTES
        {
            *tape = Tape::default();
        }
        built
    })
}

/// Why a value could not be written (a type results do not have: bytes, maps, variants with
/// fields of their own).
#[derive(Debug)]
pub(super) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

#[derive(Default)]
struct Tape {
    words: Vec<u32>,
    floats: Vec<f64>,
    text: String,
    keys: Keys,
}

impl Tape {
    fn start(&mut self) {
        self.words.clear();
        self.floats.clear();
        self.text.clear();
        self.keys.start();
    }

    fn word(&mut self, kind: u32, operand: usize) {
        debug_assert!(operand as u64 <= MAX_OPERAND);
        self.words.push(((operand as u32) << 3) | kind);
    }

    fn number(&mut self, value: f64) {
        // -0.0 is a float: `-0.0 >= 0.0`, but its sign must survive.
        if value.is_sign_positive() && value <= MAX_OPERAND as f64 && value.fract() == 0.0 {
            self.word(INT, value as usize);
            return;
        }
        self.floats.push(value);
        self.words.push(FLOAT);
    }

    fn unsigned(&mut self, value: u64) {
        if value <= MAX_OPERAND {
            self.word(INT, value as usize);
        } else {
            self.floats.push(value as f64);
            self.words.push(FLOAT);
        }
    }

    /// The text and its length in UTF-16 units (the operand, or the word after a key).
    fn text(&mut self, s: &str) -> usize {
        self.text.push_str(s);
        utf16_len(s)
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        let units = self.text(s);
        if units as u64 > MAX_OPERAND {
            return Err(Error("a string too long for the tape".into()));
        }
        self.word(STRING, units);
        Ok(())
    }

    fn key(&mut self, key: &'static str) {
        match self.keys.find(key) {
            Key::Known(id) => self.words.push(id),
            Key::New(id) => {
                self.words.push(id);
                let units = self.text(key) as u32;
                self.words.push(units);
            }
            Key::Unremembered => {
                self.words.push(INLINE_KEY);
                let units = self.text(key) as u32;
                self.words.push(units);
            }
        }
    }

    /// Opens an array or object; its count is written by [`Compound::end`].
    fn open(&mut self, kind: u32) -> Compound<'_> {
        let at = self.words.len();
        self.words.push(kind);
        Compound {
            tape: self,
            at,
            count: 0,
        }
    }
}

enum Key {
    Known(u32),
    New(u32),
    Unremembered,
}

/// The keys the current tape has named, found by the address of their static text: a field
/// name is a `&'static str`, so finding one is a hash of a pointer and a comparison. A slot
/// named in an earlier call gets a new number when first met in this one (`epoch`).
struct Keys {
    slots: Box<[Slot; KEY_SLOTS]>,
    epoch: u32,
    next: u32,
}

const KEY_SLOTS: usize = 128;

#[derive(Clone, Copy, Default)]
struct Slot {
    ptr: usize,
    len: usize,
    epoch: u32,
    id: u32,
}

impl Default for Keys {
    fn default() -> Self {
        Keys {
            slots: Box::new([Slot::default(); KEY_SLOTS]),
            epoch: 0,
            next: 0,
        }
    }
}

impl Keys {
    fn start(&mut self) {
        // Epoch 0 marks slots never used in a call: start at 1.
        self.epoch = self.epoch.wrapping_add(1).max(1);
        self.next = 0;
    }

    fn find(&mut self, key: &'static str) -> Key {
        let ptr = key.as_ptr() as usize;
        let mut i = (ptr.wrapping_mul(0x9e37_79b9) >> 7) % KEY_SLOTS;
        for _ in 0..KEY_SLOTS {
            let slot = &mut self.slots[i];
            if slot.ptr == 0 || (slot.ptr == ptr && slot.len == key.len()) {
                if slot.ptr != 0 && slot.epoch == self.epoch {
                    return Key::Known(slot.id);
                }
                *slot = Slot {
                    ptr,
                    len: key.len(),
                    epoch: self.epoch,
                    id: self.next,
                };
                self.next += 1;
                return Key::New(slot.id);
            }
            i = (i + 1) % KEY_SLOTS;
        }
        Key::Unremembered
    }
}

/// An array or object being written: where its first word is and how many entries it has.
pub(super) struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    count: usize,
}

impl Compound<'_> {
    fn end(self) -> Result<(), Error> {
        if self.count as u64 > MAX_OPERAND {
            return Err(Error("an array too long for the tape".into()));
        }
        let kind = self.tape.words[self.at];
        self.tape.words[self.at] = ((self.count as u32) << 3) | kind;
        Ok(())
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.count += 1;
        self.tape.key(key);
        value.serialize(&mut *self.tape)
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.unsigned(v),
            Err(_) => self.number(v as f64),
        }
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.unsigned(v.into());
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.unsigned(v.into());
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.unsigned(v.into());
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.unsigned(v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(v.into());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes are not part of a result".into()))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.words.push(NULL);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.words.push(NULL);
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open(OBJECT);
        object.field(variant, value)?;
        object.end()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Error("tuple variants are not part of a result".into()))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Error("maps are not part of a result".into()))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Error("struct variants are not part of a result".into()))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn tape_of<T: Serialize>(value: &T) -> Tape {
        let mut tape = Tape::default();
        tape.start();
        value.serialize(&mut tape).expect("serializable");
        tape
    }

    #[derive(Serialize)]
    struct Range {
        start: usize,
        end: usize,
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Wrapped(u8),
    }

    #[derive(Serialize)]
    struct Sample {
        name: Option<&'static str>,
        ranges: Vec<Range>,
        missing: Option<Range>,
        kind: Kind,
        wrapped: Kind,
        ok: bool,
    }

    #[test]
    fn structs_name_each_key_once_per_tape() {
        let value = Sample {
            name: Some("👋 hi"),
            ranges: vec![Range { start: 1, end: 2 }, Range { start: 3, end: 4 }],
            missing: None,
            kind: Kind::Plain,
            wrapped: Kind::Wrapped(7),
            ok: true,
        };
        let tape = tape_of(&value);
        // The texts in order: each key the first time it is met, and the strings.
        assert_eq!(
            tape.text,
            "name👋 hirangesstartendmissingkindPlainwrappedWrappedok"
        );
        let (name, ranges, start, end, missing, kind, wrapped, variant, ok) =
            (0, 1, 2, 3, 4, 5, 6, 7, 8);
        let expected = [
            6 << 3 | OBJECT,
            name,
            4,
            5 << 3 | STRING,
            ranges,
            6,
            2 << 3 | ARRAY,
            2 << 3 | OBJECT,
            start,
            5,
            1 << 3 | INT,
            end,
            3,
            2 << 3 | INT,
            2 << 3 | OBJECT,
            start,
            3 << 3 | INT,
            end,
            4 << 3 | INT,
            missing,
            7,
            NULL,
            kind,
            4,
            5 << 3 | STRING,
            wrapped,
            7,
            1 << 3 | OBJECT,
            variant,
            7,
            7 << 3 | INT,
            ok,
            2,
            TRUE,
        ];
        assert_eq!(tape.words, expected);
        assert!(tape.floats.is_empty());
    }

    #[test]
    fn numbers_beyond_small_integers_are_floats() {
        let tape = tape_of(&(
            0.5_f64,
            -0.0_f64,
            3.0_f64,
            -2_i32,
            1_u64 << 29,
            (1_u64 << 29) - 1,
        ));
        assert_eq!(
            tape.words,
            [
                6 << 3 | ARRAY,
                FLOAT,
                FLOAT,
                3 << 3 | INT,
                FLOAT,
                FLOAT,
                ((1 << 29) - 1) << 3 | INT
            ]
        );
        assert_eq!(tape.floats[..2], [0.5, -0.0]);
        assert!(tape.floats[1].is_sign_negative());
        assert_eq!(tape.floats[2..], [-2.0, (1u64 << 29) as f64]);
    }

    #[test]
    fn a_new_tape_names_its_keys_again() {
        let mut tape = tape_of(&Range { start: 1, end: 2 });
        tape.start();
        Range { start: 1, end: 2 }.serialize(&mut tape).unwrap();
        assert_eq!(tape.text, "startend");
        assert_eq!(tape.words[1], 0);
        assert_eq!(tape.words[4], 1);
    }
}
