//! Numbers as a seller reads them in evidence sentences: 1.2M, 45.3K, 61 %, 3.4 %, ≈ US$1,234.

pub fn count(n: f32) -> String {
    let n = f64::from(n);
    let (value, suffix) = if n >= 1e9 {
        (n / 1e9, "B")
    } else if n >= 1e6 {
        (n / 1e6, "M")
    } else if n >= 1e4 {
        (n / 1e3, "K")
    } else {
        return grouped(n.round() as i64);
    };
    let text = format!("{value:.1}");
    format!("{}{suffix}", text.strip_suffix(".0").unwrap_or(&text))
}

/// A fraction as a percentage: whole percent from 10 % up, one decimal below.
pub fn percent(fraction: f32) -> String {
    let p = f64::from(fraction) * 100.0;
    if p.abs() >= 10.0 {
        format!("{p:.0} %")
    } else {
        format!("{p:.1} %")
    }
}

/// A range of money as TikTok Shop shows one: "1,000–10K USD", or "10K+ USD" when it has no upper end.
pub fn money_range(range: &scout_domain::MoneyRange) -> String {
    let major =
        |m: &scout_domain::Money| count((m.minor as f64 / 10f64.powi(m.currency.decimals() as i32)) as f32);
    match &range.high {
        Some(high) => format!("{}–{} {}", major(&range.low), major(high), range.low.currency),
        None => format!("{}+ {}", major(&range.low), range.low.currency),
    }
}

pub fn usd(amount: f32) -> String {
    let a = f64::from(amount);
    if a >= 100.0 {
        format!("≈ US${}", grouped(a.round() as i64))
    } else {
        format!("≈ US${a:.2}")
    }
}

fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A ratio as a percentage below 1 and a multiple from 1 up: 0.48 → "48 %", 3.4 → "3.4×", 59.7 → "60×".
pub fn ratio(x: f32) -> String {
    if x < 1.0 {
        percent(x)
    } else if x < 10.0 {
        format!("{x:.1}×")
    } else {
        format!("{}×", count(x.round()))
    }
}

/// "a", "a and b", "a, b and c".
pub fn list_words<S: AsRef<str>>(words: &[S]) -> String {
    match words {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(list_words(&["a"]), "a");
        assert_eq!(list_words(&["a", "b", "c"]), "a, b and c");
        assert_eq!(list_words::<&str>(&[]), "");
    }

    #[test]
    fn ratios_read_as_shares_or_multiples() {
        assert_eq!(ratio(3.4), "3.4×");
        assert_eq!(ratio(59.7), "60×");
        assert!(ratio(0.48).contains('%'));
    }

    #[test]
    fn formats_like_the_ui() {
        assert_eq!(count(1_234_567.0), "1.2M");
        assert_eq!(count(45_300.0), "45.3K");
        assert_eq!(count(9_999.0), "9,999");
        assert_eq!(count(2_000_000.0), "2M");
        assert_eq!(percent(0.614), "61 %");
        assert_eq!(percent(0.034), "3.4 %");
        assert_eq!(usd(1234.4), "≈ US$1,234");
        assert_eq!(usd(4.1), "≈ US$4.10");
    }
}
