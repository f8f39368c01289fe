#!/usr/bin/env bash
# Runs Varnish, configured as deployed (deploy/varnish/default.vcl) but in front of the
# site on loopback port SITE_PORT, listening on LISTEN_PORT, its files in DIR; in the
# foreground, so that whoever started it stops it. For the browser tests
# (playwright.config.ts, journeys/varnish.ts). Usage: varnish-in-front.sh SITE_PORT LISTEN_PORT DIR
set -euo pipefail
site_port=$1 listen_port=$2 dir=$(realpath -m "$3")
rm -rf "$dir" && mkdir -p "$dir"
sed "s/\.port = \"3000\";/.port = \"$site_port\";/" "$(dirname "$0")/../deploy/varnish/default.vcl" > "$dir/site.vcl"
grep -q "\.port = \"$site_port\";" "$dir/site.vcl"
exec varnishd -F -n "$dir/work" -a "127.0.0.1:$listen_port" -f "$dir/site.vcl" -s malloc,256m
