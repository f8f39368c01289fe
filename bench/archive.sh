# Sourced by the benchmarks that read a large archive (bench/page-latency,
# bench/sitemaps, bench/cache-throughput): `archive_database COUNT` makes sure
# target/bench/site.db holds the demo content and at least COUNT generated articles
# (kept and reused between runs), with the release server (`$archive_server`, default
# target/release/server). Sets `archive_dir`.
archive_database() {
  local count=$1 server=${archive_server:-target/release/server}
  [ -x "$server" ] || { echo "no $server: run scripts/build-release first" >&2; exit 1; }
  archive_dir=target/bench
  mkdir -p "$archive_dir"
  export DATABASE_URL="sqlite://$archive_dir/site.db" MEDIA_DIR="$archive_dir/media" RUST_LOG=warn
  local have
  have=$(sqlite3 "$archive_dir/site.db" "SELECT count(*) FROM stories WHERE kind='article'" 2>/dev/null || echo 0)
  # The demo content (every kind of story) is loaded once, idempotently.
  "$server" seed
  if [ "$have" -lt "$count" ]; then
    "$server" generate $((count - have))
  fi
}
