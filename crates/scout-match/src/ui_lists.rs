//! The lists the window offers that Rust owns — the category taxonomy and the currencies with a
//! reference rate — written for the UI as `ui/src/lib/bindings/lists.ts` by `cargo test` (beside the
//! ts-rs bindings, so CI's drift check covers it). Nothing in the UI copies them by hand.

/// The TypeScript module: each list as a `const` tuple, so the UI gets its literal types too.
pub fn typescript() -> String {
    let list = |values: &mut dyn Iterator<Item = &str>| {
        values.map(|v| format!("  {},\n", serde_json::Value::String(v.to_string()))).collect::<String>()
    };
    format!(
        "// Written by `cargo test` from crates/scout-match (taxonomy.rs, fx.rs). Do not edit by hand.\n\n\
         /** The taxonomy's top-level categories, as sellers see them. */\n\
         export const CATEGORIES = [\n{}] as const;\n\n\
         /** Currencies with a reference rate (fx.rs). */\n\
         export const CURRENCIES = [\n{}] as const;\n",
        list(&mut crate::taxonomy::CATEGORIES.iter().copied()),
        list(&mut crate::fx::currencies()),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn export_ui_lists() {
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml");
        let path = std::path::Path::new(&dir).join("lists.ts");
        let text = super::typescript();
        assert!(text.contains("\"Beauty & Personal Care\"") && text.contains("\"IDR\""), "{text}");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).expect("the bindings folder is writable");
        }
    }
}
