# Started by MotoServer as `python3 -c <this file> <port>`. Four jobs, in this order:
#
# 1. Die with the JVM. The JVM holds our stdin pipe; when the JVM exits -- even by kill -9 -- the
#    pipe reaches EOF and we leave at once, so a killed test run never leaves a stray moto behind.
# 2. Work around two moto 5.2.1 quirks with MOTO_AMIS_PATH (see MotoServer for the full story):
#    a. MOTO_AMIS_PATH *replaces* moto's default AMIs (the global list and the per-region "latest"
#       Amazon Linux AMIs that moto's SSM public parameters point at). We take the file out of
#       moto's sight and append its AMIs to moto's default list instead, so both exist.
#    b. moto parses each AMI's `creation_date` in place, in a module-level list, so the second EC2
#       backend (a second region, or any /moto-api/reset) fails parsing a datetime with a 500.
#       We let the parser pass a datetime through.
# 3. Keep IAM cheap. On every request moto looks the access key up in the IAM backend of each of
#    six partitions (aws, aws-cn, aws-us-gov, ...), creating the five we never use, each loading all
#    ~1500 AWS-managed policies (MOTO_IAM_LOAD_MANAGED_POLICIES) -- and every reset builds them all
#    again: about 1 s per test that touches IAM. We look only in the backends that exist, which gives
#    the same answer (a backend never created holds no keys).
# 4. Run moto's own server main on 127.0.0.1:<port>.
import datetime
import json
import os
import sys
import threading


def _exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(65536):
            pass
    finally:
        os._exit(0)


threading.Thread(target=_exit_when_stdin_closes, name="stdin-watch", daemon=True).start()

_fixture_path = os.environ.pop("MOTO_AMIS_PATH", None)

import moto.ec2.models.amis as _amis  # noqa: E402  (must come after the environment is set)

_parse = _amis.parse_timestamp
_amis.parse_timestamp = lambda v: v if isinstance(v, datetime.datetime) else _parse(v)

if _fixture_path:
    with open(_fixture_path, encoding="utf-8") as _f:
        _fixtures = json.load(_f)
    _ids = {a["ami_id"] for a in _fixtures}
    _amis.AMIS[:] = [a for a in _amis.AMIS if a["ami_id"] not in _ids] + _fixtures

import moto.iam.models as _iam  # noqa: E402
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402


def _get_account_id_from(access_key):
    for account_id, account in list(_iam.iam_backends.items()):
        for backend in list(account.values()):
            if access_key in backend.access_keys:
                return account_id
    return DEFAULT_ACCOUNT_ID


_iam.get_account_id_from = _get_account_id_from

from moto.server import main  # noqa: E402

main(["-H", "127.0.0.1", "-p", sys.argv[1]])
