//! The server binary as the process tests run it: the command on a database file, and
//! plain HTTP/1.1 to it (a connection once it listens, a GET's status and whole answer;
//! no client library: the tests see the bytes).

use content::lang::Lang;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A running server, killed when the test ends (or fails) before it is stopped.
pub struct Site(pub Option<Child>);

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The server binary on the SQLite file `db`, listening on `port`, with its media and
/// outbox beside the file; each test adds its own settings and arguments.
pub fn server_command(db: &Path, port: u16) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("MEDIA_DIR", db.with_file_name("media"))
        .env("MAIL_OUTBOX", db.with_file_name("outbox"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn");
    command
}

/// A connection to the server at `port`, once it accepts them (60 s at most).
pub fn connect(port: u16) -> TcpStream {
    let asked = Instant::now();
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(stream) => return stream,
            Err(_) => {
                assert!(asked.elapsed() < Duration::from_secs(60), "listens in 60 s");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// GET `path` from the server at `port`: the status code and the whole answer.
pub fn get(port: u16, path: &str) -> (u16, String) {
    get_with_cookie(port, path, None)
}

/// GET `path` with `cookie` if any: the status code and the whole answer.
pub fn get_with_cookie(port: u16, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut stream = connect(port);
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{cookie}\r\n"
    )
    .unwrap();
    answer(stream)
}

/// POST the form `body` (URL-encoded) to `path` as the site's own page does, with the
/// session `cookie` if any: the status code and the whole answer.
pub fn post(port: u16, path: &str, body: &str, cookie: Option<&str>) -> (u16, String) {
    let mut stream = connect(port);
    let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
         Origin: http://127.0.0.1:{port}\r\nSec-Fetch-Site: same-origin\r\nAccept: text/html\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n{cookie}\r\n{body}",
        body.len()
    )
    .unwrap();
    answer(stream)
}

/// URL-encoded `fields`.
pub fn form(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// The ticket of the form on the page at `path`.
pub fn ticket(port: u16, path: &str) -> String {
    let (_, page) = get(port, path);
    let at = page
        .find("name=\"ticket\" value=\"")
        .expect("a form with a ticket")
        + 21;
    page[at..].split('"').next().unwrap().to_owned()
}

/// A reader's message through the contact form of `lang`, without JavaScript.
pub fn write_to_the_editors(port: u16, lang: Lang, message: &str) -> (u16, String) {
    let path = format!("/{}/contact", lang.code());
    let ticket = ticket(port, &path);
    let fields = [
        ("ticket", ticket.as_str()),
        ("form", "contact"),
        ("name", "Amina"),
        ("email", "amina@example.org"),
        ("subject", "Question"),
        ("message", message),
    ];
    post(port, &path, &form(&fields), None)
}

/// The whole answer read from `stream` until the server closes it, and its status code.
fn answer(mut stream: TcpStream) -> (u16, String) {
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    (status, answer)
}
