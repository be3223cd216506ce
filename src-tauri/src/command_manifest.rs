//! The command-name manifest for the UI: every handler the shell registers (`generate_handler!` in
//! `lib.rs`), written by `cargo test` as `ui/src/lib/bindings/commands.ts`, so `common/ipc.ts` can call only
//! names that exist (its `call` takes a `Command`) and CI's drift check sees a change. The test also
//! checks that every registered name is a `#[tauri::command]` function of the command files.

/// The names inside `generate_handler![…]`, in order, without their module paths.
fn registered(lib: &str) -> Vec<String> {
    let start = lib.find("generate_handler![").map(|i| i + "generate_handler![".len()).unwrap_or(lib.len());
    let end = lib[start..].find(']').map_or(start, |i| start + i);
    lib[start..end]
        .split(',')
        .map(|path| path.trim().rsplit("::").next().unwrap_or_default().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Whether `source` defines `name` as a Tauri command.
fn defines_command(source: &str, name: &str) -> bool {
    source.split("#[tauri::command]").skip(1).any(|after| {
        let head = after.lines().find(|l| l.contains("fn ")).unwrap_or_default();
        head.contains(&format!("fn {name}(")) || head.contains(&format!("fn {name}<"))
    })
}

fn typescript(names: &[String]) -> String {
    let list: String = names.iter().map(|n| format!("  \"{n}\",\n")).collect();
    format!(
        "// Written by `cargo test` from src-tauri/src/lib.rs (the handlers the shell registers). Do not edit\n\
         // by hand.\n\nexport const COMMANDS = [\n{list}] as const;\n\n\
         /** A command the desktop shell answers. */\nexport type Command = (typeof COMMANDS)[number];\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: [&str; 10] = [
        include_str!("commands.rs"),
        include_str!("backup_commands.rs"),
        include_str!("campaign_commands.rs"),
        include_str!("marketplace_commands.rs"),
        include_str!("message_commands.rs"),
        include_str!("outreach_commands.rs"),
        include_str!("results_commands.rs"),
        include_str!("sample_commands.rs"),
        include_str!("update_commands.rs"),
        include_str!("lib.rs"),
    ];

    #[test]
    fn export_command_manifest() {
        let names = registered(include_str!("lib.rs"));
        assert!(names.len() > 50 && names.contains(&"workspace_info".to_string()), "{names:?}");
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "a command is registered twice");
        for name in &names {
            assert!(SOURCES.iter().any(|s| defines_command(s, name)), "{name} is registered but no command");
        }
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml");
        let path = std::path::Path::new(&dir).join("commands.ts");
        let text = typescript(&names);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).expect("the bindings folder is writable");
        }
    }

    #[test]
    fn reads_the_handler_list_and_finds_definitions() {
        let lib = "x.invoke_handler(tauri::generate_handler![\n a::one,\n b::two_things,\n]).run()";
        assert_eq!(registered(lib), ["one", "two_things"]);
        let src = "#[tauri::command]\npub async fn one(state: State<'_>) -> R {}\n";
        assert!(defines_command(src, "one") && !defines_command(src, "on"));
    }
}
