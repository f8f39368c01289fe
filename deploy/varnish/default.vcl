vcl 4.1;
# Varnish 7 in front of ccme-portal (README, "Deployment"): it keeps what the site's
# headers say it may keep, drops what its tags name when the site purges them, and
# serves kept pages while the site is down.
#
#   apt-get install varnish varnish-modules      # Debian: Varnish 7.1 and xkey
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1G -p http_gzip_support=off
#
# `http_gzip_support=off`: the site compresses (brotli or gzip, by what the reader
# accepts) and Varnish keeps one copy per encoding, as sent; with it on, Varnish asks
# for gzip only and unzips for every reader who takes no gzip (a tenth of the speed).
#
# The site then purges through it: CACHE_PURGE_URLS=http://127.0.0.1:80/ (several
# caches: several addresses, comma-separated).

import std;
import xkey;

# The site. Asked every two seconds if it is up (counted up at start): a site that is
# down is not asked for pages any more, and kept pages are served as long as their
# `stale-if-error` allows.
backend site {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = {
        .url = "/robots.txt";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the site's own machine(s). Add the app servers' addresses here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # A purge from the site: `xkey-purge` lists the tags whose pages are gone (the
    # next reader gets the new version); `xkey-softpurge` marks them out of date (served
    # while the new version is fetched, or while the site is down).
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } else if (req.http.xkey-softpurge) {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "xkey-purge or xkey-softpurge, please"));
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }
    # Tags are the site's business: a reader may not send any.
    unset req.http.xkey-purge;
    unset req.http.xkey-softpurge;

    # Only reads are kept; the back office and form posts always go to the site.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "^/api/admin(/|\?|$)") {
        return (pass);
    }
    # The site answers the same page to everyone: cookies (the edition the reader read
    # last, which only pwa.js and `/` read) would split the cache per reader.
    # `/` chooses the edition from them and is never kept (private, no-store).
    if (req.url != "/") {
        unset req.http.cookie;
    }
    # One copy per encoding the site sends (its `Vary: accept-encoding`), not one per
    # browser's way of listing them.
    if (req.http.accept-encoding ~ "\bbr\b") {
        set req.http.accept-encoding = "br";
    } else if (req.http.accept-encoding ~ "\bgzip\b") {
        set req.http.accept-encoding = "gzip";
    } else {
        unset req.http.accept-encoding;
    }
    # A site that is up gets asked again for a page past its time within seconds; one
    # that is down leaves kept pages served as long as they say (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # What must not be shared is not kept (the site says `private, no-store`), and a
    # response that sets a cookie never is.
    if (beresp.http.set-cookie || beresp.http.cache-control ~ "(private|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # stale-if-error: how long a kept page may be served while the site is down.
    if (beresp.http.cache-control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.cache-control, ".*stale-if-error=([0-9]+).*", "\1s"), 10s);
    }
    return (deliver);
}

sub vcl_deliver {
    # The tags are for this cache only; readers see whether they got a kept copy.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else {
        set resp.http.x-cache = "MISS";
    }
    # Nothing about this cache's insides.
    unset resp.http.via;
    unset resp.http.x-varnish;
}
