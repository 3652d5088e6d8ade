//! The category model: multinomial logistic regression over the features, with weights fitted
//! by `walint fit` on the labelled corpus (`weights.json`; `weights-unlisted.json` for the
//! languages walint has no word list for).

use crate::json::{self, Value};
use crate::signals::FEATURE_NAMES as NAMES;
use crate::template::Category;
use std::sync::OnceLock;

/// A fitted category model: a bias and a row of weights per class.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: [f64; 3],
    pub weights: [[f64; NAMES.len()]; 3],
}

/// The two models a template may be read with: one for the languages walint has word lists
/// for, and one fitted without the features the lists count
/// ([`FROM_WORD_LISTS`](crate::signals::FROM_WORD_LISTS)) for all the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Models {
    pub listed: Model,
    pub unlisted: Model,
}

impl Models {
    /// The models fitted on the whole corpus and shipped (`weights.json`,
    /// `weights-unlisted.json`). A file that does not match the features gives a neutral model
    /// (and fails the test below) rather than a panic.
    pub fn committed() -> &'static Models {
        static M: OnceLock<Models> = OnceLock::new();
        M.get_or_init(|| {
            let read = |text| {
                Model::parse(text).unwrap_or(Model {
                    bias: [0.0; 3],
                    weights: [[0.0; NAMES.len()]; 3],
                })
            };
            Models {
                listed: read(include_str!("weights.json")),
                unlisted: read(include_str!("weights-unlisted.json")),
            }
        })
    }

    /// The model for a template whose language walint has (`listed`) or lacks a word list for.
    pub fn for_language(&self, listed: bool) -> &Model {
        if listed {
            &self.listed
        } else {
            &self.unlisted
        }
    }
}

impl Model {
    /// Reads a weights file with walint's own JSON parser (the wasm package has no other);
    /// `None` unless its features are exactly [`NAMES`].
    pub fn parse(text: &str) -> Option<Model> {
        let root = json::parse(text).ok()?;
        let numbers = |node: &json::Node| -> Option<Vec<f64>> {
            match &node.value {
                Value::Array(items) => items
                    .iter()
                    .map(|n| match &n.value {
                        Value::Number(s) => s.parse().ok(),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            }
        };
        let Value::Array(features) = &root.get("features")?.value else {
            return None;
        };
        let same = features.len() == NAMES.len()
            && features
                .iter()
                .zip(NAMES)
                .all(|(n, name)| matches!(&n.value, Value::String(s) if s.value == name));
        if !same {
            return None;
        }
        let bias: [f64; 3] = numbers(root.get("bias")?)?.try_into().ok()?;
        let Value::Array(rows) = &root.get("weights")?.value else {
            return None;
        };
        let weights: Vec<[f64; NAMES.len()]> = rows
            .iter()
            .map(|r| numbers(r)?.try_into().ok())
            .collect::<Option<_>>()?;
        Some(Model {
            bias,
            weights: weights.try_into().ok()?,
        })
    }

    /// P(MARKETING), P(UTILITY), P(AUTHENTICATION) for a feature vector.
    pub fn probabilities(&self, x: &[f64; NAMES.len()]) -> [f64; 3] {
        let score = |k: usize| {
            self.bias[k]
                + self.weights[k]
                    .iter()
                    .zip(x)
                    .map(|(a, b)| a * b)
                    .sum::<f64>()
        };
        let scores = [score(0), score(1), score(2)];
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp = scores.map(|s| (s - max).exp());
        let sum: f64 = exp.iter().sum();
        exp.map(|e| e / sum)
    }

    /// The features that pushed the content from `away` towards `towards`, the strongest
    /// first: each one's share of the log-odds between the two classes (weight difference
    /// times value), when it is large enough to matter.
    pub fn drivers(&self, x: &[f64; NAMES.len()], towards: Category, away: Category) -> Vec<usize> {
        const MATTERS: f64 = 0.1;
        let (t, a) = (index(towards), index(away));
        let mut pushes: Vec<f64> = (0..NAMES.len())
            .map(|j| (self.weights[t][j] - self.weights[a][j]) * x[j])
            .collect();
        // Strongest first by repeated selection: a dozen values, and no sort to compile into
        // the wasm package (a new sort instantiation costs kilobytes there).
        let mut found = Vec::new();
        while let Some((j, &v)) = pushes.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
            if v <= MATTERS {
                break;
            }
            found.push(j);
            pushes[j] = f64::NEG_INFINITY;
        }
        found
    }
}

/// The classes in the order of the weights' rows.
pub const CLASSES: [Category; 3] = [
    Category::Marketing,
    Category::Utility,
    Category::Authentication,
];

pub fn argmax(p: &[f64; 3]) -> (Category, f64) {
    let (i, v) = p
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, &v)| {
            if v > best.1 {
                (i, v)
            } else {
                best
            }
        });
    (CLASSES[i], v)
}

pub fn probability_of(p: &[f64; 3], c: Category) -> f64 {
    p[index(c)]
}

/// The row of `c` in the weights and the column in the probabilities.
fn index(c: Category) -> usize {
    CLASSES.iter().position(|x| *x == c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_files_match_the_features() {
        assert!(Model::parse(include_str!("weights.json")).is_some());
        assert!(Model::parse(include_str!("weights-unlisted.json")).is_some());
    }

    #[test]
    fn the_unlisted_model_reads_no_word_list_feature() {
        let m = &Models::committed().unlisted;
        for name in crate::signals::FROM_WORD_LISTS {
            let j = NAMES.iter().position(|n| *n == name).unwrap();
            assert!(m.weights.iter().all(|row| row[j] == 0.0), "{name}");
        }
    }

    #[test]
    fn drivers_are_the_features_that_push_towards_a_class() {
        let mut x = [0.0; NAMES.len()];
        let promotion = NAMES.iter().position(|n| *n == "promotion").unwrap();
        let transactional = NAMES.iter().position(|n| *n == "transactional").unwrap();
        x[promotion] = 2.0;
        x[transactional] = 2.0;
        let m = &Models::committed().listed;
        assert_eq!(
            m.drivers(&x, Category::Marketing, Category::Utility),
            [promotion]
        );
        assert_eq!(
            m.drivers(&x, Category::Utility, Category::Marketing),
            [transactional]
        );
        assert!(m
            .drivers(&[0.0; NAMES.len()], Category::Marketing, Category::Utility)
            .is_empty());
    }

    #[test]
    fn probabilities_sum_to_one() {
        let p = Models::committed()
            .listed
            .probabilities(&[0.5; NAMES.len()]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
