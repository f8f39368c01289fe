"""Verifies the DKIM signature of a mail as received, with dkimpy (an implementation
independent of the one that signed it), against a public key given here instead of DNS.

Usage: dkim_verify.py MAIL PUBLIC_KEY_PEM SELECTOR DOMAIN
Exits 0 when the signature verifies, 1 when it does not (dkimpy's reason on stderr).
"""
import sys

import dkim

mail_file, public_pem, selector, domain = sys.argv[1:5]
with open(public_pem) as f:
    key = "".join(line.strip() for line in f if not line.startswith("-----"))
record = f"v=DKIM1; k=rsa; p={key}".encode()
wanted = f"{selector}._domainkey.{domain}.".encode()


def txt(name, timeout=5):
    """The TXT record the domain would publish; nothing for any other name."""
    return record if name == wanted else None


with open(mail_file, "rb") as f:
    message = f.read()
verifier = dkim.DKIM(message)
ok = verifier.verify(dnsfunc=txt)
if not ok:
    print("DKIM does not verify", file=sys.stderr)
sys.exit(0 if ok else 1)
