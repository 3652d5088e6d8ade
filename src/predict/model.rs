//! The category model: multinomial logistic regression with weights fitted by
//! `scripts/fit_predictor.py` (`weights.json`).

use super::features::NAMES;
use crate::template::Category;
use serde::Deserialize;
use std::sync::OnceLock;

const CLASSES: [Category; 3] = [
    Category::Marketing,
    Category::Utility,
    Category::Authentication,
];

#[derive(Deserialize)]
struct Weights {
    features: Vec<String>,
    bias: [f64; 3],
    weights: [[f64; NAMES.len()]; 3],
}

/// The fitted weights; a file that does not match the features gives a neutral model (and
/// fails the test below) rather than a panic.
fn weights() -> &'static Weights {
    static W: OnceLock<Weights> = OnceLock::new();
    W.get_or_init(|| {
        serde_json::from_str::<Weights>(include_str!("weights.json"))
            .ok()
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
pub fn category_probabilities(x: &[f64; NAMES.len()]) -> [f64; 3] {
    let w = weights();
    let scores: Vec<f64> = (0..3)
        .map(|k| w.bias[k] + w.weights[k].iter().zip(x).map(|(a, b)| a * b).sum::<f64>())
        .collect();
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
    let sum: f64 = exp.iter().sum();
    [exp[0] / sum, exp[1] / sum, exp[2] / sum]
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
    p[CLASSES.iter().position(|x| *x == c).unwrap_or(0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_matches_the_features() {
        let w: Weights =
            serde_json::from_str(include_str!("weights.json")).expect("weights.json parses");
        assert_eq!(w.features, NAMES);
    }

    #[test]
    fn probabilities_sum_to_one() {
        let p = category_probabilities(&[0.5; NAMES.len()]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
