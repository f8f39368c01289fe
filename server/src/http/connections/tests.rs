use super::*;
use axum::routing::get;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A server within `limits` answering `/` with the client's address; stops when the
/// returned sender is dropped or sent to.
async fn server(limits: Limits) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let app = Router::new().route(
        "/",
        get(|ConnectInfo(from): ConnectInfo<SocketAddr>| async move { from.ip().to_string() }),
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(
        listener,
        app,
        limits,
        async move {
            let _ = stopped.await;
        },
        Duration::from_secs(1),
    ));
    (address, stop)
}

const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: test\r\n\r\n";

/// Reads until the server closes the connection (or `within` passes): what it sent.
async fn until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut answer)).await;
    read.ok()
        .map(|_| String::from_utf8_lossy(&answer).into_owned())
}

/// The first answer on a connection, without waiting for it to close.
async fn answer(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buffer = vec![0; 4096];
    let read = tokio::time::timeout(within, stream.read(&mut buffer)).await;
    let n = read.ok()?.ok()?;
    Some(String::from_utf8_lossy(&buffer[..n]).into_owned())
}

fn quick() -> Limits {
    Limits {
        max_connections: 4,
        header_read_timeout: Duration::from_millis(800),
        idle_timeout: Duration::from_millis(1500),
    }
}

#[tokio::test]
async fn a_request_is_answered_with_the_clients_address() {
    let (address, _stop) = server(Limits::default()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(GET).await.unwrap();
    let answer = answer(&mut stream, Duration::from_secs(5)).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("127.0.0.1"), "{answer}");
}

#[tokio::test]
async fn headers_sent_a_byte_at_a_time_are_cut_off() {
    let (address, _stop) = server(quick()).await;
    let mut slow = TcpStream::connect(address).await.unwrap();
    let started = Instant::now();
    // A byte every 100 ms: the connection is never idle, but its headers never end.
    let trickle = async {
        for byte in b"GET / HTTP/1.1\r\nHost: test\r\nX-Slow: ".iter().cycle() {
            if slow.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    let cut = tokio::time::timeout(Duration::from_secs(10), trickle).await;
    assert!(cut.is_ok(), "the server closed the connection");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "within the header time limit, took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_flood_of_idle_connections_waits_its_turn_and_then_is_closed() {
    let (address, _stop) = server(quick()).await;
    // Four connections that say nothing take every place.
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(TcpStream::connect(address).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A fifth is queued by the kernel, not served, until a place frees up.
    let mut fifth = TcpStream::connect(address).await.unwrap();
    fifth.write_all(GET).await.unwrap();
    assert_eq!(
        answer(&mut fifth, Duration::from_millis(500)).await,
        None,
        "no place yet"
    );
    // The idle ones are closed after the idle timeout; the fifth is then answered.
    for stream in &mut idle {
        let closed = until_closed(stream, Duration::from_secs(5)).await;
        assert_eq!(closed.as_deref(), Some(""), "closed without an answer");
    }
    let answer = answer(&mut fifth, Duration::from_secs(5)).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn asked_to_stop_it_finishes_and_takes_no_new_connection() {
    let (address, stop) = server(Limits::default()).await;
    let mut before = TcpStream::connect(address).await.unwrap();
    before.write_all(GET).await.unwrap();
    assert!(answer(&mut before, Duration::from_secs(5)).await.is_some());
    stop.send(()).unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        TcpStream::connect(address).await.is_err(),
        "the listener is closed"
    );
}
