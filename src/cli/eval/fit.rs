//! Fitting the category model: multinomial logistic regression with L2 on the weights,
//! classes weighted by inverse frequency (so the few AUTHENTICATION templates count), by
//! full-batch gradient descent from zero with a fixed step and number of iterations. The fit
//! is deterministic: the same corpus gives the same weights, to the digit written.

use walint::signals::category::{Model, Models, CLASSES};
use walint::signals::{FEATURE_NAMES, FROM_WORD_LISTS};
use walint::template::Category;

const N: usize = FEATURE_NAMES.len();
const STEP: f64 = 0.3;
const ITERATIONS: usize = 3000;
const L2: f64 = 0.02;

/// One training example: the features and the recorded category.
pub struct Sample {
    pub x: [f64; N],
    pub category: Category,
}

fn class(c: Category) -> usize {
    CLASSES.iter().position(|k| *k == c).unwrap_or(0)
}

/// The two models: one on every feature, for the languages walint has word lists for, and one
/// with the features the lists count left out, for all the others.
pub fn fit_both(samples: &[&Sample]) -> Models {
    let unlisted: Vec<Sample> = samples
        .iter()
        .map(|s| {
            let mut x = s.x;
            for (v, name) in x.iter_mut().zip(FEATURE_NAMES) {
                if FROM_WORD_LISTS.contains(&name) {
                    *v = 0.0;
                }
            }
            Sample {
                x,
                category: s.category,
            }
        })
        .collect();
    Models {
        listed: fit(samples),
        unlisted: fit(&unlisted.iter().collect::<Vec<_>>()),
    }
}

/// Left out, a feature is zero in every sample: its gradient is zero, and its weights stay at
/// the zero they start from.
pub fn fit(samples: &[&Sample]) -> Model {
    let mut counts = [0usize; 3];
    for s in samples {
        counts[class(s.category)] += 1;
    }
    let n = samples.len().max(1) as f64;
    let weight: [f64; 3] = counts.map(|c| if c > 0 { n / (3.0 * c as f64) } else { 0.0 });
    let total: f64 = samples
        .iter()
        .map(|s| weight[class(s.category)])
        .sum::<f64>()
        .max(1e-9);
    let mut model = Model {
        bias: [0.0; 3],
        weights: [[0.0; N]; 3],
    };
    for _ in 0..ITERATIONS {
        let mut gw = [[0.0; N]; 3];
        let mut gb = [0.0; 3];
        for s in samples {
            let p = model.probabilities(&s.x);
            let y = class(s.category);
            let cw = weight[y];
            for k in 0..3 {
                let err = cw * (p[k] - f64::from(u8::from(k == y)));
                gb[k] += err;
                for (g, x) in gw[k].iter_mut().zip(&s.x) {
                    *g += err * x;
                }
            }
        }
        for k in 0..3 {
            model.bias[k] -= STEP * gb[k] / total;
            for (w, g) in model.weights[k].iter_mut().zip(&gw[k]) {
                *w -= STEP * (g / total + L2 * *w);
            }
        }
    }
    // Four decimals, as written to the file: a model read back is the model fitted.
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    model.bias = model.bias.map(round);
    model.weights = model.weights.map(|row| row.map(round));
    model
}

/// The weights file for a model.
pub fn to_json(model: &Model, note: &str) -> String {
    let value = serde_json::json!({
        "note": note,
        "classes": CLASSES.map(|c| c.as_str()),
        "features": FEATURE_NAMES,
        "bias": model.bias,
        "weights": model.weights,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
