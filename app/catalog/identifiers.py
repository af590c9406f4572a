"""The shapes of a work order's ids, as the platform hands them out and the spec's examples show.

serviceOrderId is 16 digits (4503599741262301), serviceOrderCode is "01", the creation date and
a running number (0120190802003048), and a track's id is the order's id and the track's
two-digit sequence (450359974126230101 is the 提单 track changeId 1 names). The simulator's
workflow and the WeCom front desk (app.wecom.intake) both make them here, so the two agree.
"""

from __future__ import annotations

import random
import zlib
from datetime import datetime

#: Where the spec's ids start (4503599741262301 is in this range).
ORDER_ID_BASE = 4_503_599_700_000_000
ORDER_ID_SPAN = 10**8 * 64


def new_order_id(rng: random.Random | None = None) -> str:
    """A fresh 16-digit serviceOrderId in the spec's range; ``rng`` for reproducible ones.
    Unique only by chance (one in 6.4 billion): a caller that must not collide checks."""
    draw = (rng or random.SystemRandom()).randrange(ORDER_ID_SPAN)
    return str(ORDER_ID_BASE + draw)


def order_code(created: datetime, number: int) -> str:
    """serviceOrderCode: ``01`` + yyyyMMdd + the running number's last six digits."""
    return f"01{created:%Y%m%d}{number % 1_000_000:06d}"


def track_id(order_id: str, sequence: int) -> str:
    """A track's id: the order's id and the track's two-digit sequence (01 is 提单)."""
    return f"{order_id}{sequence:02d}"


#: templateId of the data areas the spec's examples show.
_TEMPLATE_IDS = {"fwwt": "8103", "10008": "8108"}


def template_id(data_area: str) -> str:
    """The service template (服务大类) id of a data area: the spec's for fwwt and 10008, a
    stable one derived from the code for any other."""
    return _TEMPLATE_IDS.get(data_area) or str(8200 + zlib.crc32(data_area.encode()) % 700)
