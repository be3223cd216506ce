//! Outreach against real peers: e-mail through a real SMTP server process on loopback (aiosmtpd), checked
//! by what the server received.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use scout_outreach::email::{EmailError, SmtpAccount, SmtpChannel, SmtpSecurity};
use scout_testkit::SmtpSink;

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
    let sink = SmtpSink::start(dir.path());
    let channel = SmtpChannel::new(account(sink.port), "").unwrap();
    for (i, to) in ["ann@example.com", "bob@example.com", "cy@example.com"].iter().enumerate() {
        channel
            .send(to, &format!("Glow serum × creator {i}"), "Hi! 18 % commission.", &format!("offer-{i}"))
            .await
            .unwrap();
    }
    let refused = channel.send("nobody@example.com", "x", "y", "offer-9").await.unwrap_err();
    assert!(matches!(refused, EmailError::Permanent(_)), "a 550 is permanent: {refused}");

    let received = sink.received();
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
fn an_account_names_every_problem_at_once_by_its_field() {
    assert_eq!(account(25).problems(), [], "the test account is usable");
    let broken = SmtpAccount {
        host: "smtp://mail.example.com".into(),
        port: 0,
        from_address: "partners at glowlabs".into(),
        postal_address: "  ".into(),
        unsubscribe_mailto: "optout@glowlabs.example".into(),
        unsubscribe_url: Some("http://glowlabs.example/optout".into()),
        ..account(25)
    };
    let fields: Vec<String> = broken.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            "email.host",
            "email.port",
            "email.security",
            "email.from_address",
            "email.postal_address",
            "email.unsubscribe_mailto",
            "email.unsubscribe_url"
        ],
        "one problem per field, all of them"
    );
    let empty = SmtpAccount { host: String::new(), ..account(25) };
    assert_eq!(
        empty.problems()[0].message,
        "the SMTP server is empty; your mail provider names it (smtp.example.com)"
    );
    let Err(refused) = SmtpChannel::new(broken, "") else { panic!("an unusable account builds no channel") };
    assert!(refused.to_string().contains("a postal address is required"), "{refused}");
}

#[test]
fn unencrypted_smtp_is_refused_beyond_this_machine() {
    let mut a = account(25);
    a.host = "smtp.example.com".into();
    let err = SmtpChannel::new(a, "secret-password").unwrap_err();
    assert!(err.to_string().contains("localhost"), "{err}");
    assert!(!err.to_string().contains("secret-password"), "the password never appears in an error");
}

#[tokio::test]
async fn a_refused_sign_in_and_an_unreachable_server_are_told_apart_from_a_refused_message() {
    let dir = tempfile::tempdir().unwrap();
    let login = Some(("glow".to_string(), "right-password".to_string()));
    let sink = SmtpSink::start_with(dir.path(), &scout_testkit::SmtpOptions { slow_seconds: 0, login });
    let mut with_user = account(sink.port);
    with_user.username = "glow".into();
    let wrong = SmtpChannel::new(with_user.clone(), "wrong-password").unwrap();
    let refused = wrong.send("ann@example.com", "x", "y", "offer-1").await.unwrap_err();
    assert!(matches!(refused, EmailError::SignIn(_)), "a 535 refuses the sign-in: {refused:?}");
    assert!(!refused.to_string().contains("wrong-password"), "the password never appears in an error");
    let right = SmtpChannel::new(with_user, "right-password").unwrap();
    right.send("ann@example.com", "x", "y", "offer-2").await.unwrap();
    assert_eq!(sink.received().len(), 1, "only the signed-in message arrived");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let nobody = SmtpChannel::new(account(closed), "").unwrap();
    let unreachable = nobody.send("ann@example.com", "x", "y", "offer-3").await.unwrap_err();
    assert!(matches!(unreachable, EmailError::Network(_)), "nothing listens: {unreachable:?}");
}
