//! The category model: multinomial logistic regression with weights fitted by
//! `scripts/fit_predictor.py` (`weights.json`).

use crate::json::{self, Value};
use crate::signals::FEATURE_NAMES as NAMES;
use crate::template::Category;
use std::sync::OnceLock;

const CLASSES: [Category; 3] = [
    Category::Marketing,
    Category::Utility,
    Category::Authentication,
];

struct Weights {
    features: Vec<String>,
    bias: [f64; 3],
    weights: [[f64; NAMES.len()]; 3],
}

/// Reads `weights.json` with walint's own JSON parser (the wasm package has no other).
fn parse(text: &str) -> Option<Weights> {
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
    let features = match &root.get("features")?.value {
        Value::Array(items) => items
            .iter()
            .map(|n| match &n.value {
                Value::String(s) => Some(s.value.clone()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?,
        _ => return None,
    };
    let bias: [f64; 3] = numbers(root.get("bias")?)?.try_into().ok()?;
    let Value::Array(rows) = &root.get("weights")?.value else {
        return None;
    };
    let weights: Vec<[f64; NAMES.len()]> = rows
        .iter()
        .map(|r| numbers(r)?.try_into().ok())
        .collect::<Option<_>>()?;
    Some(Weights {
        features,
        bias,
        weights: weights.try_into().ok()?,
    })
}

/// The fitted weights; a file that does not match the features gives a neutral model (and
/// fails the test below) rather than a panic.
fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| {
        parse(include_str!("weights.json"))
            .filter(|w| {
                w.features
                    .iter()
                    .map(String::as_str)
                    .eq(NAMES.iter().copied())
            })
            .unwrap_or(Weights {
                features: NAMES.iter().map(|s| s.to_string()).collect(),
                bias: [0.0; 3],
                weights: [[0.0; NAMES.len()]; 3],
            })
    })
}

/// P(MARKETING), P(UTILITY), P(AUTHENTICATION) for a feature vector.
pub fn probabilities(x: &[f64; NAMES.len()]) -> [f64; 3] {
    let w = weights();
    let scores: Vec<f64> = (0..3)
        .map(|k| w.bias[k] + w.weights[k].iter().zip(x).map(|(a, b)| a * b).sum::<f64>())
        .collect();
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    [exp[0] / sum, exp[1] / sum, exp[2] / sum]
}

/// The features that pushed the content from `away` towards `towards`, the strongest first:
/// each one's share of the log-odds between the two classes (weight difference times value),
/// when it is large enough to matter.
pub fn drivers(x: &[f64; NAMES.len()], towards: Category, away: Category) -> Vec<usize> {
    const MATTERS: f64 = 0.1;
    let w = weights();
    let (t, a) = (index(towards), index(away));
    let mut pushes: Vec<f64> = (0..NAMES.len())
        .map(|j| (w.weights[t][j] - w.weights[a][j]) * x[j])
        .collect();
    // Strongest first by repeated selection: a dozen values, and no sort to compile into the
    // wasm package (a new sort instantiation costs kilobytes there).
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
    fn the_weights_file_matches_the_features() {
        let w = parse(include_str!("weights.json")).expect("weights.json parses");
        assert_eq!(w.features, NAMES);
    }

    #[test]
    fn drivers_are_the_features_that_push_towards_a_class() {
        let mut x = [0.0; NAMES.len()];
        let promotion = NAMES.iter().position(|n| *n == "promotion").unwrap();
        let transactional = NAMES.iter().position(|n| *n == "transactional").unwrap();
        x[promotion] = 2.0;
        x[transactional] = 2.0;
        assert_eq!(
            drivers(&x, Category::Marketing, Category::Utility),
            [promotion]
        );
        assert_eq!(
            drivers(&x, Category::Utility, Category::Marketing),
            [transactional]
        );
        assert!(drivers(&[0.0; NAMES.len()], Category::Marketing, Category::Utility).is_empty());
    }

    #[test]
    fn probabilities_sum_to_one() {
        let p = probabilities(&[0.5; NAMES.len()]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
