#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""archive.py OUT MTIME ROOT FILE...

Writes the release archive OUT (.tar.gz or .zip, by its name) holding each
FILE under the directory ROOT/, by its base name, in the order given, with
the modification time MTIME (seconds since 1970, UTC) and mode 0755 for an
executable FILE, 0644 for any other; no owner, group or user names
(uid/gid 0, as tar --owner=0 --group=0 --numeric-owner). The bytes are a
function of the inputs only, for .ci/release's reproducible archives:

- .tar.gz: POSIX ustar (no pax headers, which would carry access times),
  gzip with no file name and MTIME as its own time (gzip -n does the
  same), compression level 9;
- .zip: MTIME as the DOS time of every entry, read as UTC (zip would take
  local time), the Unix mode in the external attributes, deflate level 9,
  no extra fields (zip -X).

Python's standard library, not tar and zip, whose flags for this differ
between GNU, BSD and busybox.
"""

import gzip
import io
import os
import sys
import tarfile
import time
import zipfile


def mode(path):
    return 0o755 if os.access(path, os.X_OK) else 0o644


def write_tar(out, mtime, root, files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        d = tarfile.TarInfo(root + "/")
        d.type, d.mode, d.mtime = tarfile.DIRTYPE, 0o755, mtime
        tar.addfile(d)
        for f in files:
            info = tarfile.TarInfo(root + "/" + os.path.basename(f))
            info.size, info.mode, info.mtime = os.path.getsize(f), mode(f), mtime
            with open(f, "rb") as data:
                tar.addfile(info, data)
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime, compresslevel=9) as gz:
            gz.write(buf.getvalue())


def write_zip(out, mtime, root, files):
    date = time.gmtime(mtime)[:6]
    with zipfile.ZipFile(out, "w") as z:
        d = zipfile.ZipInfo(root + "/", date)
        d.external_attr = (0o40755 << 16) | 0x10
        z.writestr(d, b"")
        for f in files:
            info = zipfile.ZipInfo(root + "/" + os.path.basename(f), date)
            info.external_attr = (0o100000 | mode(f)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that unzip applies the mode
            with open(f, "rb") as data:
                z.writestr(info, data.read(), compresslevel=9)


def main(argv):
    if len(argv) < 5:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    out, mtime, root, files = argv[1], int(argv[2]), argv[3], argv[4:]
    if out.endswith(".tar.gz"):
        write_tar(out, mtime, root, files)
    elif out.endswith(".zip"):
        write_zip(out, mtime, root, files)
    else:
        print("archive.py: %s: neither .tar.gz nor .zip" % out, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
