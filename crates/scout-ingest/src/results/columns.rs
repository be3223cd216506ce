//! Finding a results export's columns by their header, in English, Spanish or Indonesian or as our own
//! snake_case keys, compared after [`normalize_header`] (case, spaces, punctuation, accents and a
//! bracketed unit do not matter), and telling from the headers which language the export is in.

use crate::fields::{normalize_header, strip_brackets};
use serde::Serialize;

/// The language of a results export's headers. It decides nothing but the day/month order assumed for
/// dates when the file itself does not settle it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderLanguage {
    English,
    Spanish,
    Indonesian,
}

impl HeaderLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderLanguage::English => "English",
            HeaderLanguage::Spanish => "Spanish",
            HeaderLanguage::Indonesian => "Indonesian",
        }
    }
}

/// The header spellings of one column. The first English spelling is the column's name in messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spellings {
    pub english: &'static [&'static str],
    pub spanish: &'static [&'static str],
    pub indonesian: &'static [&'static str],
    /// Our snake_case keys (the English name and the domain field's name); they count as English.
    pub keys: &'static [&'static str],
}

/// The columns of one kind of results export.
pub(crate) trait Column: Copy + PartialEq + std::fmt::Debug + 'static {
    const ALL: &'static [Self];
    /// The columns that make a file this kind of export.
    const REQUIRED: &'static [Self];
    fn spellings(self) -> Spellings;

    fn label(self) -> &'static str {
        self.spellings().english.first().copied().unwrap_or("?")
    }
}

/// Where each column of kind `C` is in a header (the first header that spells it), and the header's
/// language.
#[derive(Debug, Clone)]
pub(crate) struct Located<C> {
    at: Vec<(C, usize)>,
    pub language: HeaderLanguage,
}

impl<C: Column> Located<C> {
    pub fn locate(headers: &[String]) -> Located<C> {
        let tables: Vec<(C, [Vec<String>; 3])> = C::ALL
            .iter()
            .map(|&c| {
                let s = c.spellings();
                let norm = |list: &[&str]| list.iter().map(|h| normalize_header(h)).collect::<Vec<_>>();
                let english = norm(s.english).into_iter().chain(norm(s.keys)).collect();
                (c, [english, norm(s.spanish), norm(s.indonesian)])
            })
            .collect();
        let mut at: Vec<(C, usize)> = Vec::new();
        let mut votes = [0u32; 3];
        for (i, header) in headers.iter().enumerate() {
            let plain = normalize_header(header);
            let bare = normalize_header(&strip_brackets(header));
            let spelled =
                |names: &Vec<String>| names.iter().any(|n| !n.is_empty() && (*n == plain || *n == bare));
            let Some((column, languages)) = tables.iter().find(|(_, langs)| langs.iter().any(spelled)) else {
                continue;
            };
            for (vote, names) in votes.iter_mut().zip(languages) {
                *vote += u32::from(spelled(names));
            }
            if !at.iter().any(|(c, _)| c == column) {
                at.push((*column, i));
            }
        }
        let [en, es, id] = votes;
        let language = if es > en && es >= id {
            HeaderLanguage::Spanish
        } else if id > en && id > es {
            HeaderLanguage::Indonesian
        } else {
            HeaderLanguage::English
        };
        Located { at, language }
    }

    pub fn get(&self, column: C) -> Option<usize> {
        self.at.iter().find(|(c, _)| *c == column).map(|(_, i)| *i)
    }

    /// The required columns the header lacks.
    pub fn missing(&self) -> Vec<C> {
        C::REQUIRED.iter().copied().filter(|c| self.get(*c).is_none()).collect()
    }

    /// The missing required columns, named for a message: "Order ID, Time Created".
    pub fn missing_labels(&self) -> String {
        self.missing().iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::spellings::{OrderColumn, VideoColumn};

    fn every_spelling<C: Column>() -> Vec<(C, String)> {
        C::ALL
            .iter()
            .flat_map(|&c| {
                let s = c.spellings();
                [s.english, s.spanish, s.indonesian, s.keys]
                    .into_iter()
                    .flatten()
                    .map(move |h| (c, normalize_header(h)))
            })
            .collect()
    }

    fn spellings_are_unique<C: Column>() {
        let all = every_spelling::<C>();
        for (c, h) in &all {
            assert!(!h.is_empty(), "{c:?} has an empty spelling");
            for (other, h2) in &all {
                assert!(h != h2 || c == other, "'{h}' spells both {c:?} and {other:?}");
            }
        }
        for c in C::ALL {
            let s = c.spellings();
            assert!(
                !s.english.is_empty() && !s.spanish.is_empty() && !s.indonesian.is_empty(),
                "{c:?} has a spelling in every language"
            );
        }
    }

    #[test]
    fn every_spelling_names_one_column() {
        spellings_are_unique::<OrderColumn>();
        spellings_are_unique::<VideoColumn>();
    }

    #[test]
    fn headers_are_found_in_any_case_spacing_or_unit() {
        let headers: Vec<String> = ["ORDER  id", "Payment Amount (USD)", "quantity", "time_created", "Notes"]
            .map(String::from)
            .into();
        let located = Located::<OrderColumn>::locate(&headers);
        assert_eq!(located.get(OrderColumn::OrderId), Some(0), "case and spaces do not matter");
        assert_eq!(located.get(OrderColumn::PaymentAmount), Some(1), "a bracketed unit does not matter");
        assert_eq!(located.get(OrderColumn::TimeCreated), Some(3), "our snake_case key");
        assert!(located.missing().is_empty(), "every required column is there");
        assert_eq!(located.language, HeaderLanguage::English, "English headers");
    }

    #[test]
    fn the_language_is_the_one_most_headers_are_in() {
        let es: Vec<String> = ["ID del pedido", "Importe del pago", "Cantidad", "Hora de creación", "GMV"]
            .map(String::from)
            .into();
        assert_eq!(Located::<OrderColumn>::locate(&es).language, HeaderLanguage::Spanish, "Spanish");
        let id: Vec<String> =
            ["ID Pesanan", "Jumlah Pembayaran", "Kuantitas", "Waktu Dibuat"].map(String::from).into();
        assert_eq!(Located::<OrderColumn>::locate(&id).language, HeaderLanguage::Indonesian, "Indonesian");
        let video: Vec<String> = ["GMV", "ID Video", "Nama pengguna kreator"].map(String::from).into();
        let located = Located::<VideoColumn>::locate(&video);
        assert_eq!(
            located.language,
            HeaderLanguage::Indonesian,
            "'GMV' is every language's; the rest decide"
        );
    }
}
