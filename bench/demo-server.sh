# Sourced by the benchmarks that measure the demo site as a reader gets it
# (bench/bundle-size, bench/lighthouse): `start_demo_server PORT` runs the release
# server on a fresh demo database in a temporary folder, waits until it answers, and
# stops it and removes the folder when the benchmark exits (the binary is
# `$demo_server_binary` when set, for comparing builds). Sets `demo_base` (the
# site's address) and `demo_dir` (the temporary folder, free for the caller's files).
start_demo_server() {
  local port=$1
  local server=${demo_server_binary:-target/release/server}
  [ -x "$server" ] || { echo "no $server: run scripts/build-release first" >&2; exit 1; }
  demo_dir=$(mktemp -d)
  demo_base="http://127.0.0.1:$port"
  DATABASE_URL="sqlite://$demo_dir/site.db" MEDIA_DIR="$demo_dir/media" MAIL_OUTBOX="$demo_dir/outbox" \
    LEPTOS_SITE_ADDR=127.0.0.1:$port SITE_URL=$demo_base RUST_LOG=warn \
    "$server" & demo_pid=$!
  trap 'kill $demo_pid 2>/dev/null; rm -rf "$demo_dir"' EXIT
  for _ in $(seq 100); do curl -sf -o /dev/null "$demo_base/fr/" && return; sleep 0.2; done
  echo "the demo server did not answer on $demo_base" >&2
  exit 1
}
