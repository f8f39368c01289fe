//! The server binary run as a process, as an operator runs it: backups, faults (a kill
//! mid-write, a slow client), storage that refuses writes, a mail stopped mid-send,
//! read replicas. One test binary for all of them: each binary is another link of the
//! whole server, which the CI pays on every run.

mod running;
/// The SMTP server the mail tests send to (shared with the server's own tests).
#[path = "../sink/mod.rs"]
mod sink;

mod backup;
mod faults;
mod read_replicas;
mod stopped_mid_send;
mod storage_refusals;
