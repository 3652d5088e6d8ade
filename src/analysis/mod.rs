//! The analysis every rule and the prediction share, computed once per template: each text
//! field tokenized in one pass ([`tokens`]) into typed tokens, with the facts read from them
//! (words and their lexicon matches, links with their hosts, emoji, invisible characters,
//! UTF-16 length, letters per script, line starts). Rules read these facts; nothing scans a
//! text again.

mod language;
mod spare;
pub mod tokens;

use crate::fx::FxBuild;
use crate::lexicon::{self, Group, Latin, Match};
use crate::links::Link;
use crate::placeholder::{self, Placeholder};
use crate::template::{ButtonKind, Component, ComponentKind, Template};
use crate::text::Text;
use crate::words::{self, Words};
pub use language::Language;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
pub use tokens::{Kind, Letters, Token};

thread_local! {
    /// The words normalised so far ([`words::Memo`]): bounded, emptied when full.
    static WORD_MEMO: RefCell<words::Memo<FxBuild>> = RefCell::new(words::Memo::default());
}

/// The words of a text from its raw word ranges ([`words::from_raw`]), through this thread's
/// memo of words met before, written into `into` (empty).
pub(crate) fn read_words(text: &str, raw: &[Range<usize>], into: Words) -> (Words, Vec<u32>) {
    WORD_MEMO.with(|memo| words::from_raw(text, raw, &mut memo.borrow_mut(), into))
}

/// What a text field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    HeaderText,
    Body,
    Footer,
    ButtonText,
    ButtonUrl,
    ButtonPhone,
    OfferText,
    /// A sample value (`example.*`, a button's `example`).
    Example,
}

impl Role {
    /// Roles whose text the recipient reads as the message.
    pub fn is_message_text(self) -> bool {
        matches!(
            self,
            Role::Body | Role::HeaderText | Role::Footer | Role::ButtonText | Role::OfferText
        )
    }
}

/// A link found in a text, with its host in the form rules compare.
#[derive(Debug)]
pub struct LinkFacts {
    pub link: Link,
    /// The host in lower case, without a trailing dot.
    pub hostname: String,
    registrable: OnceCell<Option<String>>,
}

impl LinkFacts {
    fn new(link: Link, text: &str) -> LinkFacts {
        LinkFacts {
            hostname: text[link.host.clone()].trim_end_matches('.').to_lowercase(),
            link,
            registrable: OnceCell::new(),
        }
    }

    /// The registrable domain of the host (eTLD+1 by the Public Suffix List, in ASCII), looked
    /// up the first time a rule asks.
    pub fn registrable(&self) -> Option<&str> {
        self.registrable
            .get_or_init(|| crate::domain::registrable(&self.hostname))
            .as_deref()
    }

    pub fn range(&self) -> Range<usize> {
        self.link.range.clone()
    }
}

impl std::ops::Deref for LinkFacts {
    type Target = Link;

    fn deref(&self) -> &Link {
        &self.link
    }
}

/// Everything the rules read of one text, from one pass over it.
#[derive(Debug, Default)]
pub struct TextFacts {
    pub tokens: Vec<Token>,
    pub links: Vec<LinkFacts>,
    /// Words outside placeholders and links, normalised ([`crate::words`]).
    pub words: Words,
    /// Lexicon phrases found in the words.
    pub matches: Vec<Match>,
    /// Emoji, each sequence once.
    pub emoji: Vec<Range<usize>>,
    /// Byte offsets of invisible characters, inside words or not.
    pub invisible: Vec<usize>,
    /// Length in UTF-16 code units, the unit of Meta's limits.
    pub utf16_len: usize,
    /// Letters of the words (not of placeholders or links) by alphabet.
    pub letters: Letters,
    /// [`tokens::Tokens::punct`]: which ASCII punctuation was read ([`TextFacts::may_have`]).
    punct: u64,
    /// [`tokens::Tokens::markers`] ([`TextFacts::may_have_marker`]).
    markers: bool,
    /// The number of line-break tokens.
    pub line_breaks: u32,
}

impl TextFacts {
    fn of(text: &str, placeholders: &[Placeholder], find_links: bool, latin: Latin) -> TextFacts {
        let mut found = tokens::tokenize(text, placeholders, find_links);
        let (spare_words, spare_matches) = spare::words_and_matches();
        let (words, of_raw) = read_words(text, &found.raw_words, spare_words);
        spare::give_ranges(std::mem::take(&mut found.raw_words));
        let mut tokens = found.tokens;
        // When every raw word made a word of its own (no letters spelled out, none dropped),
        // the tokens' indices are already the words' (and `of_raw` is empty).
        if !of_raw.is_empty() {
            for t in &mut tokens {
                if t.word != u32::MAX {
                    t.word = of_raw[t.word as usize];
                }
            }
        }
        let matches = lexicon::find(&words, latin, spare_matches);
        TextFacts {
            tokens,
            links: found
                .links
                .into_iter()
                .map(|l| LinkFacts::new(l, text))
                .collect(),
            words,
            matches,
            emoji: found.emoji,
            invisible: found.invisible,
            utf16_len: found.utf16_len,
            letters: found.letters,
            punct: found.punct,
            markers: found.markers,
            line_breaks: found.line_breaks,
        }
    }

    /// Whether the text may have a punctuation token of the one byte `b`, one of those of
    /// [`tokens::Tokens::punct`]: never when it has none, so that a rule can skip looking at
    /// every token for it (most texts have no `!`).
    pub fn may_have(&self, b: u8) -> bool {
        b < 64 && self.punct >> b & 1 == 1
    }

    /// Whether the text may have a formatting marker token: never when it has none, so that
    /// a rule can skip looking at every token for one (most texts have none).
    pub fn may_have_marker(&self) -> bool {
        self.markers
    }

    /// The lexicon matches of one group.
    pub fn in_group(&self, group: Group) -> impl Iterator<Item = &Match> {
        self.matches.iter().filter(move |m| m.entry.group == group)
    }

    /// Words of the text as Meta counts them for its variables-to-words ratio: words and
    /// numbers, and a link as one word.
    pub fn word_count(&self) -> usize {
        self.words.len() + self.links.len()
    }

    /// Byte offsets where lines start (`\n`, `\r\n` and a lone `\r` end a line): 0, and the
    /// end of each line-break token. Read from the tokens when asked (no rule needs them on
    /// every text).
    pub fn line_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let breaks = self.tokens.iter().filter(|t| t.kind == Kind::LineBreak);
        std::iter::once(0).chain(breaks.map(|t| t.end))
    }

    /// The 0-based line a byte offset is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts()
            .skip(1)
            .take_while(|&s| s <= offset)
            .count()
    }
}

/// One text of the template, with its place in the template and its facts.
pub struct Field<'a> {
    pub text: &'a Text,
    pub role: Role,
    pub component: ComponentKind,
    /// Index of the carousel card the field is in.
    pub card: Option<usize>,
    /// Index and kind of the button the field belongs to.
    pub button: Option<usize>,
    pub button_kind: Option<ButtonKind>,
    /// Placeholders (none are looked for in sample values and phone numbers).
    pub placeholders: Vec<Placeholder>,
    pub facts: TextFacts,
}

impl Field<'_> {
    pub fn value(&self) -> &str {
        &self.text.value
    }
}

/// A template and the facts of all its texts, in document order.
pub struct Analysis<'a> {
    pub template: &'a Template,
    pub fields: Vec<Field<'a>>,
    /// The language its words are read in: declared, or read from the body.
    pub language: Language,
}

/// The fields' vectors are kept for the next template's ([`spare`]).
impl Drop for Analysis<'_> {
    fn drop(&mut self) {
        spare::give_fields(&mut self.fields);
    }
}

impl<'a> Analysis<'a> {
    pub fn new(template: &'a Template) -> Analysis<'a> {
        let language = Language::of(template);
        // Most templates have fewer texts (body, header, footer, buttons, examples).
        let mut fields = Vec::with_capacity(8);
        collect_fields(&template.components, None, language.latin, &mut fields);
        Analysis {
            template,
            fields,
            language,
        }
    }

    /// Fields of one role, in document order.
    pub fn fields(&self, role: Role) -> impl Iterator<Item = &Field<'a>> {
        self.fields.iter().filter(move |f| f.role == role)
    }

    /// The top-level body field (not a carousel card's).
    pub fn body(&self) -> Option<&Field<'a>> {
        self.fields(Role::Body).find(|f| f.card.is_none())
    }

    /// The fields whose text the recipient reads as the message.
    pub fn message_fields(&self) -> impl Iterator<Item = (usize, &Field<'a>)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.role.is_message_text())
    }
}

fn collect_fields<'a>(
    components: &'a [Component],
    card: Option<usize>,
    latin: Latin,
    out: &mut Vec<Field<'a>>,
) {
    let field = |text: &'a Text, role, component, button: Option<(usize, ButtonKind)>| {
        let placeholders = if role == Role::Example || role == Role::ButtonPhone {
            Vec::new()
        } else {
            placeholder::scan(&text.value)
        };
        let facts = TextFacts::of(&text.value, &placeholders, role != Role::ButtonPhone, latin);
        Field {
            text,
            role,
            component,
            card,
            button: button.map(|b| b.0),
            button_kind: button.map(|b| b.1),
            placeholders,
            facts,
        }
    };
    for c in components {
        let role = match c.kind {
            ComponentKind::Header => Some(Role::HeaderText),
            ComponentKind::Body => Some(Role::Body),
            ComponentKind::Footer => Some(Role::Footer),
            _ => None,
        };
        if let (Some(role), Some(text)) = (role, &c.text) {
            out.push(field(text, role, c.kind, None));
        }
        if let Some(text) = &c.offer_text {
            out.push(field(text, Role::OfferText, c.kind, None));
        }
        if let Some(e) = &c.example {
            let named = e
                .header_text_named_params
                .iter()
                .chain(&e.body_text_named_params);
            for t in e
                .header_text
                .iter()
                .chain(e.body_text.iter().flatten())
                .chain(named.filter_map(|n| n.example.as_ref()))
            {
                out.push(field(t, Role::Example, c.kind, None));
            }
        }
        for (i, b) in c.buttons.iter().enumerate() {
            let button = Some((i, b.kind));
            if let Some(t) = &b.text {
                out.push(field(t, Role::ButtonText, c.kind, button));
            }
            if let Some(t) = &b.url {
                out.push(field(t, Role::ButtonUrl, c.kind, button));
            }
            if let Some(t) = &b.phone_number {
                out.push(field(t, Role::ButtonPhone, c.kind, button));
            }
            // A COPY_CODE example is a code, not content; URL examples are links.
            if b.kind != ButtonKind::CopyCode {
                for t in &b.example {
                    out.push(field(t, Role::Example, c.kind, button));
                }
            }
        }
        for (i, card) in c.cards.iter().enumerate() {
            collect_fields(&card.components, Some(i), latin, out);
        }
    }
}

#[cfg(test)]
mod tests;
