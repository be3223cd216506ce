//! Outreach against real peers: e-mail through a real SMTP server process on loopback (aiosmtpd), checked
//! by what the server received.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use scout_outreach::email::{EmailError, SmtpAccount, SmtpChannel, SmtpSecurity};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

struct SmtpSink {
    child: Child,
    port: u16,
}

impl SmtpSink {
    fn start(out: &Path) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/smtp/smtp_sink.py");
        let python = ["/usr/bin/python3", "python3"]
            .into_iter()
            .find(|p| {
                Command::new(p).args(["-c", "import aiosmtpd"]).output().is_ok_and(|o| o.status.success())
            })
            .expect("python3 with aiosmtpd (scripts/setup.sh installs python3-aiosmtpd)");
        let mut child = Command::new(python)
            .arg(script)
            .arg(port.to_string())
            .arg(out)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server started");
        SmtpSink { child, port }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn account(port: u16) -> SmtpAccount {
    SmtpAccount {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::PlainLocal,
        username: String::new(),
        from_name: "Glow Labs".into(),
        from_address: "partners@glowlabs.example".into(),
        postal_address: "12 Market Street, Springfield, USA".into(),
        unsubscribe_mailto: "mailto:unsubscribe@glowlabs.example?subject=unsubscribe".into(),
        unsubscribe_url: Some("https://glowlabs.example/unsubscribe".into()),
    }
}

#[tokio::test]
async fn offers_arrive_at_a_real_smtp_server_with_opt_out_and_postal_address() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("received.jsonl");
    let sink = SmtpSink::start(&out);
    let channel = SmtpChannel::new(account(sink.port), "").unwrap();
    for (i, to) in ["ann@example.com", "bob@example.com", "cy@example.com"].iter().enumerate() {
        channel
            .send(to, &format!("Glow serum × creator {i}"), "Hi! 18 % commission.", &format!("offer-{i}"))
            .await
            .unwrap();
    }
    let refused = channel.send("nobody@example.com", "x", "y", "offer-9").await.unwrap_err();
    assert!(matches!(refused, EmailError::Permanent(_)), "a 550 is permanent: {refused}");

    let received: Vec<serde_json::Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(received.len(), 3, "exactly three messages arrived");
    for (i, m) in received.iter().enumerate() {
        // Long headers are folded onto continuation lines; unfold them to read each header whole.
        let data = m["data"].as_str().unwrap().replace("\r\n ", " ").replace("\n ", " ");
        assert_eq!(m["from"], "partners@glowlabs.example");
        assert_eq!(m["to"][0], ["ann@example.com", "bob@example.com", "cy@example.com"][i]);
        assert!(
            data.contains("Subject: Glow serum ") && data.contains(&format!("creator {i}\r\n")),
            "{data}"
        );
        assert!(data.contains("List-Unsubscribe: <https://glowlabs.example/unsubscribe>, <mailto:unsubscribe@glowlabs.example?subject=unsubscribe>"), "{data}");
        assert!(data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{data}");
        assert!(
            data.contains("12 Market Street, Springfield, USA"),
            "the postal address is in the body: {data}"
        );
        assert!(data.contains(&format!("Message-ID: <offer-{i}@glowlabs.example>")), "{data}");
        assert!(data.contains("Hi! 18 % commission."), "{data}");
    }
}

#[test]
fn unencrypted_smtp_is_refused_beyond_this_machine() {
    let mut a = account(25);
    a.host = "smtp.example.com".into();
    let err = SmtpChannel::new(a, "secret-password").unwrap_err();
    assert!(err.to_string().contains("localhost"), "{err}");
    assert!(!err.to_string().contains("secret-password"), "the password never appears in an error");
}
