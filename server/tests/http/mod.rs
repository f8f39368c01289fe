//! Plain HTTP/1.1 to a server binary the test started: a connection once it listens,
//! and a GET's status and whole answer (no client library: the tests see the bytes).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

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
    let mut stream = connect(port);
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    (status, answer)
}
