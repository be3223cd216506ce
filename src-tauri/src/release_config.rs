//! Checks of what a release build trusts and carries, read from the committed configuration: the
//! updater's public key is the release key (not the test-only one in fixtures/updater/), its endpoint
//! is the latest.json that release.yml publishes, and the Windows and macOS bundles carry the `scout`
//! CLI from where `.github/scripts/build-cli.sh` puts it.

#[cfg(test)]
mod tests {
    use base64::Engine;
    use minisign_verify::{PublicKey, Signature};
    use serde_json::Value;

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    fn json(path: &str) -> Value {
        let text = std::fs::read_to_string(format!("{ROOT}/{path}")).expect("the file is committed");
        serde_json::from_str(&text).expect("valid JSON")
    }

    fn text(path: &str) -> String {
        std::fs::read_to_string(format!("{ROOT}/{path}")).expect("the file is committed")
    }

    /// A key or signature as Tauri writes them: base64 of minisign's two-line text.
    fn unwrap_base64(value: &str) -> String {
        let bytes = base64::engine::general_purpose::STANDARD.decode(value.trim()).expect("base64");
        String::from_utf8(bytes).expect("minisign text")
    }

    #[test]
    fn the_release_trusts_its_own_key_and_never_the_test_key() {
        let updater = &json("tauri.conf.json")["plugins"]["updater"];
        let release_key = updater["pubkey"].as_str().expect("plugins.updater.pubkey is set");
        let release = PublicKey::decode(&unwrap_base64(release_key)).expect("a minisign public key");
        let test_key = text("fixtures/updater/TEST-ONLY-updater.key.pub");
        assert_ne!(release_key.trim(), test_key.trim(), "the release must not trust the test-only key");
        let test = PublicKey::decode(&unwrap_base64(&test_key)).expect("the test key decodes");

        // A file the test-only key signed verifies under that key and is refused under the release key.
        let data = std::fs::read(format!("{ROOT}/fixtures/updater/signed-by-test-key.txt")).expect("fixture");
        let sig = Signature::decode(&unwrap_base64(&text("fixtures/updater/signed-by-test-key.txt.sig")))
            .expect("a minisign signature");
        test.verify(&data, &sig, false).expect("the sample is signed by the test key");
        assert!(
            release.verify(&data, &sig, false).is_err(),
            "the release key refuses the test key's signature"
        );

        assert_eq!(
            updater["requireSignedVersion"], true,
            "a signature must name the version it was made for"
        );
    }

    #[test]
    fn the_endpoint_is_the_latest_json_release_yml_publishes() {
        let updater = &json("tauri.conf.json")["plugins"]["updater"];
        let endpoints: Vec<&str> =
            updater["endpoints"].as_array().expect("endpoints").iter().filter_map(Value::as_str).collect();
        assert_eq!(endpoints.len(), 1, "{endpoints:?}");
        let url = endpoints[0];
        assert!(
            url.starts_with("https://github.com/") && url.ends_with("/releases/latest/download/latest.json"),
            "{url}"
        );
        let release = text(".github/workflows/release.yml");
        assert!(release.contains("latest-json.py"), "release.yml writes latest.json");
        assert!(release.contains("releases/latest/download/latest.json"), "release.yml checks the endpoint");
        // Local bundles (scripts/test.sh) have no signing key: the updater artifacts are asked for by
        // release.yml only, when the key is set.
        assert!(json("tauri.conf.json")["bundle"].get("createUpdaterArtifacts").is_none());
        assert!(release.contains(r#"{"bundle":{"createUpdaterArtifacts":true}}"#));
    }

    #[test]
    fn windows_and_macos_bundles_carry_the_cli_the_release_builds() {
        for file in ["tauri.windows.conf.json", "tauri.macos.conf.json"] {
            let external = &json(file)["bundle"]["externalBin"];
            assert_eq!(external, &serde_json::json!(["target/cli/scout"]), "{file}");
        }
        let script = text(".github/scripts/build-cli.sh");
        assert!(
            script.contains("target/cli/scout-"),
            "build-cli.sh writes the sidecar names Tauri looks for"
        );
        assert!(text(".github/workflows/release.yml").contains(".github/scripts/build-cli.sh"));
    }
}
