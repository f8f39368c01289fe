//! The server's accept loop, bounded against connection floods and slow clients
//! (issue 18). `axum::serve` takes every connection and waits on each for ever; here:
//! - at most [`Limits::max_connections`] are open at once. Beyond them the loop stops
//!   accepting, and newcomers wait in the kernel's queue instead of each costing a task
//!   and buffers here: memory stays bounded whatever the flood;
//! - a request's headers must arrive within [`Limits::header_read_timeout`] (hyper's
//!   own timer), so a client sending them a byte at a time (slowloris) is cut off;
//! - a connection on which no byte moves either way for [`Limits::idle_timeout`] is
//!   closed: idle keep-alives and stalled bodies give their place back.
//!
//! Asked to stop, it takes no new connection and lets requests in flight finish, for
//! the grace period at most.

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// The bounds on connections.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Connections open at once.
    pub max_connections: usize,
    /// Time to send a request's headers.
    pub header_read_timeout: Duration,
    /// Time without a byte either way before a connection is closed.
    pub idle_timeout: Duration,
}

impl Default for Limits {
    /// A few thousand readers at once on a small machine: each open connection costs
    /// some tens of KiB, so 2,048 of them stay well under the memory of a page cache.
    fn default() -> Limits {
        Limits {
            max_connections: 2048,
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
        }
    }
}

/// Serves `app` on `listener` within `limits` until `stop` completes, then lets the
/// requests in flight finish for `grace` at most.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
    grace: Duration,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    tokio::pin!(stop);
    loop {
        let place = tokio::select! {
            place = open.clone().acquire_owned() => place.expect("never closed"),
            () = &mut stop => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors, or a connection reset while queued:
                    // wait a moment rather than spin.
                    tracing::warn!(%err, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let moved = Moved::now();
        let io = TokioIo::new(Watched {
            stream,
            moved: moved.clone(),
        });
        let service = app.clone().map_request(move |request: Request<Incoming>| {
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(ConnectInfo(remote));
            request
        });
        let connection = builder
            .serve_connection_with_upgrades(io, TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        let idle_timeout = limits.idle_timeout;
        tokio::spawn(async move {
            tokio::pin!(connection);
            let check = (idle_timeout / 4).max(Duration::from_millis(100));
            loop {
                tokio::select! {
                    _ = connection.as_mut() => break,
                    () = tokio::time::sleep(check) => {
                        if moved.still_for() >= idle_timeout {
                            break;
                        }
                    }
                }
            }
            drop(place);
        });
    }
    drop(listener);
    tracing::info!("stopping: finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(grace) => tracing::warn!(
            seconds = grace.as_secs(),
            "requests still in flight after the grace period: stopping without them"
        ),
    }
}

/// When bytes last moved on a connection, in milliseconds since the process started.
#[derive(Clone)]
struct Moved(Arc<AtomicU64>);

static STARTED: LazyLock<Instant> = LazyLock::new(Instant::now);

fn millis() -> u64 {
    STARTED.elapsed().as_millis() as u64
}

impl Moved {
    /// A connection just opened: it counts as moving now.
    fn now() -> Moved {
        Moved(Arc::new(AtomicU64::new(millis())))
    }

    fn mark(&self) {
        self.0.store(millis(), Ordering::Relaxed);
    }

    /// How long no byte has moved.
    fn still_for(&self) -> Duration {
        let last = self.0.load(Ordering::Relaxed);
        Duration::from_millis(millis().saturating_sub(last))
    }
}

/// A TCP stream that notes each time bytes move.
struct Watched {
    stream: TcpStream,
    moved: Moved,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.moved.mark();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.moved.mark();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(written)) if written > 0) {
            self.moved.mark();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests;
