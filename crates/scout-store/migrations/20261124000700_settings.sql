-- Workspace settings that are not secret (the seller's name and postal address, the SMTP account
-- without its password, sending limits), one JSON document per key. Secrets live in the OS keychain.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
